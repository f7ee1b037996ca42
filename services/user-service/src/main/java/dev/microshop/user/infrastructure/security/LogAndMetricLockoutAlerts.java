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
 * Each lock of a client address and each account that starts slowing down as a WARN line (e-mail masked) and in
 * {@code microshop_users_login_lockouts_total} / {@code microshop_users_login_slowdowns_total}, once committed.
 */
@Component
class LogAndMetricLockoutAlerts implements LockoutAlerts {

    private static final Logger log = LoggerFactory.getLogger(LogAndMetricLockoutAlerts.class);

    private final Counter lockouts;
    private final Counter slowdowns;

    LogAndMetricLockoutAlerts(MeterRegistry registry) {
        lockouts = Counter.builder("microshop.users.login.lockouts")
                .description("Client addresses locked out of an account after too many failed log-ins")
                .register(registry);
        slowdowns = Counter.builder("microshop.users.login.slowdowns")
                .description("Accounts whose log-ins are slowed down after too many failed log-ins from anywhere")
                .register(registry);
    }

    @Override
    public void addressLocked(EmailAddress email, String clientAddress, int failures, Instant lockedUntil) {
        afterCommit(() -> {
            lockouts.increment();
            log.warn(
                    "Log-in locked for {} from {} until {} after {} failed attempts",
                    masked(email),
                    clientAddress,
                    lockedUntil,
                    failures);
        });
    }

    @Override
    public void accountSlowedDown(EmailAddress email, int failures) {
        afterCommit(() -> {
            slowdowns.increment();
            log.warn("Log-ins for {} slowed down after {} failed attempts from any address", masked(email), failures);
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
