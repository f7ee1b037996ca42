package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.signup.SignUpCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /api/users}; the detailed rules (email shape, name length, password policy) are the domain's. */
record SignUpRequest(
        @Schema(example = "ada@example.com") @NotBlank String email,
        @Schema(example = "Ada") @NotBlank String name,

        @Schema(example = "correct-horse-42", description = "10 characters or more, with a letter and a digit")
        @NotBlank
        String password) {

    SignUpCommand toCommand() {
        return new SignUpCommand(email, name, password);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + ", name=" + name + "]";
    }
}
