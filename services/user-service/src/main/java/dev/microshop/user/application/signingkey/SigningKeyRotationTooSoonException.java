package dev.microshop.user.application.signingkey;

import java.time.Duration;

/** A rotation was asked for before the active key has signed for the minimum interval. */
public class SigningKeyRotationTooSoonException extends RuntimeException {

    private final Duration retryAfter;

    public SigningKeyRotationTooSoonException(Duration retryAfter) {
        super("The signing key was rotated moments ago; rotate again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
