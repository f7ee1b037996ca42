package dev.microshop.user.infrastructure.security;

import dev.microshop.user.application.port.LockoutAlerts;
import dev.microshop.user.domain.user.EmailAddress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each lock as a WARN line (address masked) and in {@code microshop_users_login_lockouts_total}, once the lock is
 * committed.
 */
@Component
class LogAndMetricLockoutAlerts implements LockoutAlerts {

    private static final Logger log = LoggerFactory.getLogger(LogAndMetricLockoutAlerts.class);

    private final Counter lockouts;

    LogAndMetricLockoutAlerts(MeterRegistry registry) {
        lockouts = Counter.builder("microshop.users.login.lockouts")
                .description("Accounts locked after too many failed log-ins")
                .register(registry);
    }

    @Override
    public void accountLocked(EmailAddress email, int failures, Instant lockedUntil) {
        afterCommit(() -> {
            lockouts.increment();
            log.warn("Log-in locked for {} until {} after {} failed attempts", masked(email), lockedUntil, failures);
        });
    }

    /** {@code ada@example.com} becomes {@code a***@example.com}: enough to follow an attack, not the address itself. */
    private static String masked(EmailAddress email) {
        String address = email.value();
        return address.charAt(0) + "***" + address.substring(address.indexOf('@'));
    }

    private static void afterCommit(Runnable alert) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            alert.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                alert.run();
            }
        });
    }
}
