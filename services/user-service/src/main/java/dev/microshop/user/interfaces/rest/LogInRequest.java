package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.LogInCommand;
import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /api/auth/token}. */
record LogInRequest(@NotBlank String email, @NotBlank String password) {

    LogInCommand toCommand(String clientAddress) {
        return new LogInCommand(email, password, clientAddress);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "LogInRequest[email=" + email + "]";
    }
}
