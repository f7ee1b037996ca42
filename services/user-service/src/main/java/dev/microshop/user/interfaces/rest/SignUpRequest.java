package dev.microshop.user.interfaces.rest;

import dev.microshop.user.application.signup.SignUpCommand;
import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /api/users}; the detailed rules (email shape, name length, password policy) are the domain's. */
record SignUpRequest(
        @NotBlank String email,
        @NotBlank String name,
        @NotBlank String password) {

    SignUpCommand toCommand() {
        return new SignUpCommand(email, name, password);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + ", name=" + name + "]";
    }
}
