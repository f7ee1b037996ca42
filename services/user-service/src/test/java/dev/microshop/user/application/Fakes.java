package dev.microshop.user.application;

import dev.microshop.user.application.port.AccessToken;
import dev.microshop.user.application.port.AccessTokenIssuer;
import dev.microshop.user.application.port.LockoutAlerts;
import dev.microshop.user.application.port.LogInSettings;
import dev.microshop.user.application.port.PasswordHasher;
import dev.microshop.user.application.port.RegistrationSettings;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.application.port.UserEventPublisher;
import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.login.ThrottlePolicy;
import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.PasswordHash;
import dev.microshop.user.domain.user.PasswordPolicy;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Simple stand-ins for the ports whose real adapters are exercised by the integration tests. */
final class Fakes {

    private Fakes() {}

    /** Reversible on purpose: the tests check that the stored value is not the password. */
    static final class ReversingHasher implements PasswordHasher {
        @Override
        public PasswordHash hash(String password) {
            return new PasswordHash("hashed:" + new StringBuilder(password).reverse());
        }

        @Override
        public boolean matches(String password, PasswordHash hash) {
            return hash(password).equals(hash);
        }
    }

    static final class UnsignedTokens implements AccessTokenIssuer {
        @Override
        public AccessToken issue(User user, Instant now, Duration lifetime) {
            return new AccessToken("access-for-" + user.id() + "-at-" + now, now.plus(lifetime));
        }
    }

    static final class RecordedEvents implements UserEventPublisher {
        final List<UserEvent> published = new ArrayList<>();

        @Override
        public void publish(UserEvent event) {
            published.add(event);
        }
    }

    record Lockout(EmailAddress email, String clientAddress, int failures, Instant lockedUntil) {}

    static final class RecordedLockouts implements LockoutAlerts {
        final List<Lockout> raised = new ArrayList<>();
        final List<EmailAddress> slowedDown = new ArrayList<>();

        @Override
        public void addressLocked(EmailAddress email, String clientAddress, int failures, Instant lockedUntil) {
            raised.add(new Lockout(email, clientAddress, failures, lockedUntil));
        }

        @Override
        public void accountSlowedDown(EmailAddress email, int failures) {
            slowedDown.add(email);
        }
    }

    static final class Settings implements RegistrationSettings, TokenSettings, LogInSettings {
        PasswordPolicy passwordPolicy = new PasswordPolicy(10, true, true);
        LockoutPolicy lockoutPolicy = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
        ThrottlePolicy throttlePolicy =
                new ThrottlePolicy(10, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(1));

        @Override
        public PasswordPolicy passwordPolicy() {
            return passwordPolicy;
        }

        @Override
        public ThrottlePolicy throttlePolicy() {
            return throttlePolicy;
        }

        @Override
        public LockoutPolicy lockoutPolicy() {
            return lockoutPolicy;
        }

        @Override
        public Duration accessTokenLifetime() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration refreshTokenLifetime() {
            return Duration.ofDays(7);
        }

        @Override
        public Duration signingKeyRotationPeriod() {
            return Duration.ofDays(30);
        }

        @Override
        public Duration signingKeyMinimumRotationInterval() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration signingKeyPublicationMargin() {
            return Duration.ofMinutes(5);
        }
    }
}
