package dev.microshop.user.application.auth;

/** Credentials presented at log-in. */
public record LogInCommand(String email, String password) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "LogInCommand[email=" + email + "]";
    }
}
