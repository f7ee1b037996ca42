package dev.microshop.user.domain.login;

import dev.microshop.user.domain.user.EmailAddress;

/**
 * Failed log-ins per (e-mail, client address) pair and per e-mail, shared by every instance so that a lock or a
 * slow-down holds whichever instance is asked.
 */
public interface LogInAttemptRepository {

    /**
     * Makes every other transaction that changes this e-mail's attempts or throttle wait until the current one ends,
     * so that concurrent failures are counted one after another and none is lost.
     */
    void lockForChange(EmailAddress email);

    /** The attempts recorded for this pair; {@link LogInAttempts#none} if there are none. */
    LogInAttempts find(EmailAddress email, String clientAddress);

    void save(LogInAttempts attempts);

    /** Forgets the pair's failures (after a successful log-in from that address). */
    void clear(EmailAddress email, String clientAddress);

    /** The throttle of this e-mail; {@link AccountThrottle#none} if there are no failures. */
    AccountThrottle findThrottle(EmailAddress email);

    void save(AccountThrottle throttle);
}
