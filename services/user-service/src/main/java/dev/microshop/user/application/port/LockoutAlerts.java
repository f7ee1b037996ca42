package dev.microshop.user.application.port;

import dev.microshop.user.domain.user.EmailAddress;
import java.time.Instant;

/** Tells operators that an account was locked, which often means someone is guessing its password. */
public interface LockoutAlerts {

    void accountLocked(EmailAddress email, int failures, Instant lockedUntil);
}
