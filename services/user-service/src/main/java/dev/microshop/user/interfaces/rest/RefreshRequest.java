package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.RefreshTokensCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/auth/refresh}. */
record RefreshRequest(@NotBlank @Size(max = 256) String refreshToken) {

    RefreshTokensCommand toCommand() {
        return new RefreshTokensCommand(refreshToken);
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "RefreshRequest[****]";
    }
}
