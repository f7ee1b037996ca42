package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.EmailAddress;
import java.time.Instant;

/** Tells operators that someone is probably guessing an account's password. */
public interface LockoutAlerts {

    /** One client address is locked out of one account. */
    void addressLocked(EmailAddress email, String clientAddress, int failures, Instant lockedUntil);

    /** So many log-ins failed for one account, from anywhere, that it now makes every log-in wait. */
    void accountSlowedDown(EmailAddress email, int failures);
}
