package dev.microshop.user.application.signup;

/** A shopper's request to open an account. */
public record SignUpCommand(String email, String name, String password) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "SignUpCommand[email=" + email + ", name=" + name + "]";
    }
}
