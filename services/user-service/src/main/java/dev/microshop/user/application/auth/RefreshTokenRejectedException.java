package dev.microshop.user.application.auth;

import dev.microshop.user.domain.user.UserId;
import java.util.Optional;

/**
 * A refresh token was not accepted. The client sees one message whatever the reason; {@link #reason()} and
 * {@link #userId()} (when the token was known) are for logs.
 */
public class RefreshTokenRejectedException extends RuntimeException {

    private final String reason;
    private final UserId userId;

    public RefreshTokenRejectedException(String reason, UserId userId) {
        super("Refresh token is invalid, expired or revoked; log in again");
        this.reason = reason;
        this.userId = userId;
    }

    public String reason() {
        return reason;
    }

    public Optional<UserId> userId() {
        return Optional.ofNullable(userId);
    }
}
