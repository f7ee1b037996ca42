package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.User;
import java.time.Duration;
import java.time.Instant;

/** Signs access tokens that every service accepts, with the currently active signing key. */
public interface AccessTokenIssuer {

    AccessToken issue(User user, Instant now, Duration lifetime);
}
