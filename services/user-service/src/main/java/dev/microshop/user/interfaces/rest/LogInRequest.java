package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.auth.LogInCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /api/auth/token}. */
record LogInRequest(
        @Schema(example = "ada@example.com") @NotBlank String email,
        @Schema(example = "correct-horse-42") @NotBlank String password) {

    LogInCommand toCommand(String clientAddress) {
        return new LogInCommand(email, password, clientAddress);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "LogInRequest[email=" + email + "]";
    }
}
