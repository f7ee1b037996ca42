package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.login.LogInAttemptRepository;
import dev.microshop.user.domain.login.LogInAttempts;
import dev.microshop.user.domain.user.EmailAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Failed log-ins in PostgreSQL, one row per address with failures; changes take turns per address. */
@Repository
class JdbcLogInAttemptRepository implements LogInAttemptRepository {

    /**
     * Any fixed number: the first half of the two-part advisory lock keys of log-in attempts (the second is the
     * address's hash). Two-part keys never collide with the one-part key of signing-key rotation.
     */
    private static final int ATTEMPTS_LOCK_SPACE = 0x6C6F6769;

    private final JdbcClient sql;

    JdbcLogInAttemptRepository(JdbcClient sql) {
        this.sql = sql;
    }

    // Outside a transaction the lock would be released at once and count nothing.
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(EmailAddress email) {
        // A shared hash only makes two addresses take turns, it never mixes their counts.
        sql.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
                .param(ATTEMPTS_LOCK_SPACE).param(email.value())
                .query((rs, rowNum) -> 1).list();
    }

    @Override
    public LogInAttempts find(EmailAddress email) {
        return sql.sql("SELECT failures, window_started_at, locked_until FROM login_attempts WHERE email = ?")
                .param(email.value())
                .query((rs, rowNum) -> new LogInAttempts(email, rs.getInt("failures"),
                        instant(rs.getObject("window_started_at", OffsetDateTime.class)),
                        instant(rs.getObject("locked_until", OffsetDateTime.class))))
                .optional()
                .orElseGet(() -> LogInAttempts.none(email));
    }

    @Override
    public void save(LogInAttempts attempts) {
        sql.sql("""
                        INSERT INTO login_attempts (email, failures, window_started_at, locked_until)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (email) DO UPDATE SET failures = EXCLUDED.failures,
                            window_started_at = EXCLUDED.window_started_at, locked_until = EXCLUDED.locked_until""")
                .param(attempts.email().value())
                .param(attempts.failures())
                .param(timestamp(attempts.windowStartedAt()))
                .param(timestamp(attempts.lockedUntil()))
                .update();
    }

    @Override
    public void clear(EmailAddress email) {
        sql.sql("DELETE FROM login_attempts WHERE email = ?").param(email.value()).update();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
