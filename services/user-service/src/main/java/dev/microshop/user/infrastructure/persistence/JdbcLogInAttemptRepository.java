package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.login.AccountThrottle;
import dev.microshop.user.domain.login.LogInAttemptRepository;
import dev.microshop.user.domain.login.LogInAttempts;
import dev.microshop.user.domain.user.EmailAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed log-ins in PostgreSQL: one row per (e-mail, client address) pair with failures in {@code login_attempts},
 * one per e-mail in {@code login_throttles}; changes take turns per e-mail.
 */
@Repository
class JdbcLogInAttemptRepository implements LogInAttemptRepository {

    /**
     * Any fixed number: the first half of the two-part advisory lock keys of log-in attempts (the second is the
     * address's hash). Two-part keys never collide with the one-part key of signing-key rotation.
     */
    private static final int ATTEMPTS_LOCK_SPACE = 0x6C6F6769;

    private final JdbcClient jdbc;

    JdbcLogInAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Outside a transaction the lock would be released at once and count nothing.
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(EmailAddress email) {
        // A shared hash only makes two addresses take turns, it never mixes their counts.
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
                .param(ATTEMPTS_LOCK_SPACE)
                .param(email.value())
                .query((rs, rowNum) -> 1)
                .list();
    }

    @Override
    public LogInAttempts find(EmailAddress email, String clientAddress) {
        return jdbc.sql("""
                        SELECT failures, window_started_at, locked_until FROM login_attempts
                        WHERE email = ? AND client_address = ?""")
                .param(email.value())
                .param(clientAddress)
                .query((rs, rowNum) -> new LogInAttempts(
                        email,
                        clientAddress,
                        rs.getInt("failures"),
                        Timestamps.read(rs, "window_started_at"),
                        Timestamps.read(rs, "locked_until")))
                .optional()
                .orElseGet(() -> LogInAttempts.none(email, clientAddress));
    }

    @Override
    public void save(LogInAttempts attempts) {
        jdbc.sql("""
                        INSERT INTO login_attempts (email, client_address, failures, window_started_at, locked_until)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (email, client_address) DO UPDATE SET failures = EXCLUDED.failures,
                            window_started_at = EXCLUDED.window_started_at, locked_until = EXCLUDED.locked_until""")
                .param(attempts.email().value())
                .param(attempts.clientAddress())
                .param(attempts.failures())
                .param(Timestamps.of(attempts.windowStartedAt()))
                .param(Timestamps.of(attempts.lockedUntil()))
                .update();
    }

    @Override
    public void clear(EmailAddress email, String clientAddress) {
        jdbc.sql("DELETE FROM login_attempts WHERE email = ? AND client_address = ?")
                .param(email.value())
                .param(clientAddress)
                .update();
    }

    @Override
    public AccountThrottle findThrottle(EmailAddress email) {
        return jdbc.sql("SELECT failures, last_failure_at, next_attempt_at FROM login_throttles WHERE email = ?")
                .param(email.value())
                .query((rs, rowNum) -> new AccountThrottle(
                        email,
                        rs.getInt("failures"),
                        Timestamps.read(rs, "last_failure_at"),
                        Timestamps.read(rs, "next_attempt_at")))
                .optional()
                .orElseGet(() -> AccountThrottle.none(email));
    }

    @Override
    public void save(AccountThrottle throttle) {
        jdbc.sql("""
                        INSERT INTO login_throttles (email, failures, last_failure_at, next_attempt_at)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (email) DO UPDATE SET failures = EXCLUDED.failures,
                            last_failure_at = EXCLUDED.last_failure_at, next_attempt_at = EXCLUDED.next_attempt_at""")
                .param(throttle.email().value())
                .param(throttle.failures())
                .param(Timestamps.of(throttle.lastFailureAt()))
                .param(Timestamps.of(throttle.nextAttemptAt()))
                .update();
    }
}
