package dev.microshop.user.infrastructure.config;

import static dev.microshop.platform.config.SettingChecks.notNegative;
import static dev.microshop.platform.config.SettingChecks.positive;
import static dev.microshop.platform.config.SettingChecks.required;

import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.login.ThrottlePolicy;
import dev.microshop.user.domain.user.PasswordPolicy;
import java.time.Duration;

/**
 * {@code microshop.users.*}, bound by {@link dev.microshop.platform.config.LiveSettings} and read at every use, so a
 * refresh applies at once. The policies bind straight into the domain's records, whose constructors check them. The
 * signing-key check interval is read at start-up by {@code SigningKeyRotationSchedule} only.
 *
 * @param passwordPolicy what a new password must contain
 * @param loginLockout   how many failed log-ins from one client address lock that address out of an account
 * @param loginThrottle  how failed log-ins from anywhere slow an account down
 * @param tokens         how long tokens live
 * @param signingKeys    when keys rotate and how long retired ones stay published
 */
public record UserServiceProperties(
        PasswordPolicy passwordPolicy,
        LockoutPolicy loginLockout,
        ThrottlePolicy loginThrottle,
        Tokens tokens,
        SigningKeys signingKeys) {

    public UserServiceProperties {
        required("password-policy", passwordPolicy);
        required("login-lockout", loginLockout);
        required("login-throttle", loginThrottle);
        required("tokens", tokens);
        required("signing-keys", signingKeys);
    }

    public record Tokens(Duration accessTokenTtl, Duration refreshTokenTtl) {

        public Tokens {
            positive("access-token-ttl", accessTokenTtl);
            positive("refresh-token-ttl", refreshTokenTtl);
        }
    }

    /**
     * @param rotationPeriod          the active key is replaced when this old
     * @param publicationMargin       added to the access-token lifetime: covers clock skew and verifiers' key caches
     * @param minimumRotationInterval how long the active key must have signed before an administrator may rotate it
     *                                again
     */
    public record SigningKeys(Duration rotationPeriod, Duration publicationMargin, Duration minimumRotationInterval) {

        public SigningKeys {
            notNegative("rotation-period", rotationPeriod);
            notNegative("publication-margin", publicationMargin);
            notNegative("minimum-rotation-interval", minimumRotationInterval);
        }
    }
}
