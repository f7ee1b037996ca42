package dev.microshop.user.application.auth;

import dev.microshop.user.domain.token.Redemption;

/** A refresh token was not accepted. The client sees one message whatever the {@link #reason()}. */
public class RefreshTokenRejectedException extends RuntimeException {

    private final Redemption.Reason reason;

    public RefreshTokenRejectedException(Redemption.Reason reason) {
        super("Refresh token is invalid, expired or revoked; log in again");
        this.reason = reason;
    }

    public Redemption.Reason reason() {
        return reason;
    }
}
