package dev.microshop.user.infrastructure.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code microshop.users.*}. A mutable bean on purpose: Spring Cloud rebinds it in place when the configuration
 * changes (bus refresh), and the settings adapter reads it on every request, so changes apply without a restart.
 */
@Validated
@ConfigurationProperties("microshop.users")
public class UserServiceProperties {

    /** Users who sign up with one of these addresses (any case) get the ADMIN role. */
    private List<String> adminEmails = new ArrayList<>();
    @Valid
    private final PasswordPolicy passwordPolicy = new PasswordPolicy();
    @Valid
    private final Tokens tokens = new Tokens();
    @Valid
    private final SigningKeys signingKeys = new SigningKeys();
    @Valid
    private final LoginLockout loginLockout = new LoginLockout();

    public List<String> getAdminEmails() {
        return adminEmails;
    }

    public void setAdminEmails(List<String> adminEmails) {
        this.adminEmails = adminEmails;
    }

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

    /** {@code microshop.users.login-lockout.*}: how many failed log-ins within {@code window} lock an account. */
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
}
