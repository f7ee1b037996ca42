package dev.microshop.user.application.auth;

/** Credentials presented at log-in, and the client address they came from (as the service sees it). */
public record LogInCommand(String email, String password, String clientAddress) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "LogInCommand[email=" + email + ", clientAddress=" + clientAddress + "]";
    }
}
