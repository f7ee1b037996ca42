package dev.microshop.user.application.auth;

/** A refresh token presented for a new token pair. */
public record RefreshTokensCommand(String refreshToken) {

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "RefreshTokensCommand[****]";
    }
}
