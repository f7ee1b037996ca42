package dev.microshop.user.application.port;

import java.time.Duration;

/** Lifetimes of tokens and signing keys. */
public interface TokenSettings {

    Duration accessTokenLifetime();

    Duration refreshTokenLifetime();

    /** How long a signing key stays active before a new one replaces it. */
    Duration signingKeyRotationPeriod();

    /** How long the active key must have signed before a rotation on request may replace it. */
    Duration signingKeyMinimumRotationInterval();

    /** Extra time a retired key stays published beyond the access-token lifetime (clock skew, caches). */
    Duration signingKeyPublicationMargin();
}
