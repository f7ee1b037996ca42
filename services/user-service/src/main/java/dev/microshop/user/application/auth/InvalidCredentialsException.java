package dev.microshop.user.application.auth;

/** Log-in failed; deliberately silent about whether the email or the password was wrong. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("Email or password is wrong");
    }
}
