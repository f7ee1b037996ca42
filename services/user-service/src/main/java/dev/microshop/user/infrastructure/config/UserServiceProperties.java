package dev.microshop.user.infrastructure.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code microshop.users.*}. A mutable bean on purpose: Spring Cloud rebinds it in place when the configuration
 * changes (bus refresh), and the settings adapter reads it on every request, so changes apply without a restart.
 */
@Validated
@ConfigurationProperties("microshop.users")
public class UserServiceProperties {

    @Valid
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();
    @Valid
    private final Tokens tokens = new Tokens();
    @Valid
    private final SigningKeys signingKeys = new SigningKeys();
    @Valid
    private final LoginLockout loginLockout = new LoginLockout();
    @Valid
    private final LoginThrottle loginThrottle = new LoginThrottle();

    public PasswordPolicy getPasswordPolicy() {
        return passwordPolicy;
    }

    public Tokens getTokens() {
        return tokens;
    }

    public SigningKeys getSigningKeys() {
        return signingKeys;
    }

    public LoginLockout getLoginLockout() {
        return loginLockout;
    }

    public LoginThrottle getLoginThrottle() {
        return loginThrottle;
    }

    /** {@code microshop.users.password-policy.*}: what a new password must contain. */
    public static class PasswordPolicy {

        @Min(1)
        @Max(72)
        private int minLength = 10;
        private boolean requireDigit = true;
        private boolean requireLetter = true;

        public int getMinLength() {
            return minLength;
        }

        public void setMinLength(int minLength) {
            this.minLength = minLength;
        }

        public boolean isRequireDigit() {
            return requireDigit;
        }

        public void setRequireDigit(boolean requireDigit) {
            this.requireDigit = requireDigit;
        }

        public boolean isRequireLetter() {
            return requireLetter;
        }

        public void setRequireLetter(boolean requireLetter) {
            this.requireLetter = requireLetter;
        }
    }

    /** {@code microshop.users.tokens.*}: how long tokens live. */
    public static class Tokens {

        @NotNull
        private Duration accessTokenTtl = Duration.ofMinutes(15);
        @NotNull
        private Duration refreshTokenTtl = Duration.ofDays(7);

        public Duration getAccessTokenTtl() {
            return accessTokenTtl;
        }

        public void setAccessTokenTtl(Duration accessTokenTtl) {
            this.accessTokenTtl = accessTokenTtl;
        }

        public Duration getRefreshTokenTtl() {
            return refreshTokenTtl;
        }

        public void setRefreshTokenTtl(Duration refreshTokenTtl) {
            this.refreshTokenTtl = refreshTokenTtl;
        }
    }

    /** {@code microshop.users.signing-keys.*}: when keys rotate and how long retired ones stay published. */
    public static class SigningKeys {

        @NotNull
        private Duration rotationPeriod = Duration.ofDays(30);
        /** Added to the access-token lifetime: covers clock skew and verifiers' key caches. */
        @NotNull
        private Duration publicationMargin = Duration.ofMinutes(5);
        /** How often each instance checks whether the active key is due (read once at start-up). */
        @NotNull
        private Duration checkInterval = Duration.ofMinutes(10);
        /** How long the active key must have signed before an administrator may rotate it again. */
        @NotNull
        private Duration minimumRotationInterval = Duration.ofMinutes(5);

        public Duration getMinimumRotationInterval() {
            return minimumRotationInterval;
        }

        public void setMinimumRotationInterval(Duration minimumRotationInterval) {
            this.minimumRotationInterval = minimumRotationInterval;
        }

        public Duration getRotationPeriod() {
            return rotationPeriod;
        }

        public void setRotationPeriod(Duration rotationPeriod) {
            this.rotationPeriod = rotationPeriod;
        }

        public Duration getPublicationMargin() {
            return publicationMargin;
        }

        public void setPublicationMargin(Duration publicationMargin) {
            this.publicationMargin = publicationMargin;
        }

        public Duration getCheckInterval() {
            return checkInterval;
        }

        public void setCheckInterval(Duration checkInterval) {
            this.checkInterval = checkInterval;
        }
    }

    /**
     * {@code microshop.users.login-lockout.*}: how many failed log-ins from one client address within {@code window}
     * lock that address out of an account.
     */
    public static class LoginLockout {

        @Min(1)
        private int maxFailures = 5;
        @NotNull
        private Duration window = Duration.ofMinutes(15);
        @NotNull
        private Duration lockDuration = Duration.ofMinutes(15);

        @AssertTrue(message = "window and lock-duration must be positive")
        boolean isWindowAndLockDurationPositive() {
            return window == null || lockDuration == null || (window.isPositive() && lockDuration.isPositive());
        }

        public int getMaxFailures() {
            return maxFailures;
        }

        public void setMaxFailures(int maxFailures) {
            this.maxFailures = maxFailures;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getLockDuration() {
            return lockDuration;
        }

        public void setLockDuration(Duration lockDuration) {
            this.lockDuration = lockDuration;
        }
    }

    /** {@code microshop.users.login-throttle.*}: how failed log-ins from anywhere slow an account down. */
    public static class LoginThrottle {

        @Min(0)
        private int freeFailures = 10;
        @NotNull
        private Duration quietPeriod = Duration.ofMinutes(15);
        @NotNull
        private Duration firstDelay = Duration.ofSeconds(1);
        @NotNull
        private Duration maxDelay = Duration.ofMinutes(1);

        @AssertTrue(message = "quiet-period and first-delay must be positive, max-delay at least first-delay")
        boolean isDelaysConsistent() {
            return quietPeriod == null || firstDelay == null || maxDelay == null
                    || (quietPeriod.isPositive() && firstDelay.isPositive() && maxDelay.compareTo(firstDelay) >= 0);
        }

        public int getFreeFailures() {
            return freeFailures;
        }

        public void setFreeFailures(int freeFailures) {
            this.freeFailures = freeFailures;
        }

        public Duration getQuietPeriod() {
            return quietPeriod;
        }

        public void setQuietPeriod(Duration quietPeriod) {
            this.quietPeriod = quietPeriod;
        }

        public Duration getFirstDelay() {
            return firstDelay;
        }

        public void setFirstDelay(Duration firstDelay) {
            this.firstDelay = firstDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }
}
