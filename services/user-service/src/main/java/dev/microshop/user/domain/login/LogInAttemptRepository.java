package dev.microshop.user.domain.login;

import dev.microshop.user.domain.user.EmailAddress;

/** Failed log-ins per address, shared by every instance so that a lock holds whichever instance is asked. */
public interface LogInAttemptRepository {

    /**
     * Makes every other transaction that changes this address's attempts wait until the current one ends, so that
     * concurrent failures are counted one after another and none is lost.
     */
    void lockForChange(EmailAddress email);

    /** The attempts recorded for this address; {@link LogInAttempts#none} if there are none. */
    LogInAttempts find(EmailAddress email);

    void save(LogInAttempts attempts);

    /** Forgets the address's failures (after a successful log-in). */
    void clear(EmailAddress email);
}
