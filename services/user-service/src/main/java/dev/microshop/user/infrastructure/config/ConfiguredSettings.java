package dev.microshop.user.infrastructure.config;

import dev.microshop.user.application.port.LogInSettings;
import dev.microshop.user.application.port.RegistrationSettings;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.login.ThrottlePolicy;
import dev.microshop.user.domain.user.PasswordPolicy;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The settings ports, read from the properties bean at every call so refreshed configuration applies at once. */
@Component
class ConfiguredSettings implements RegistrationSettings, TokenSettings, LogInSettings {

    private final UserServiceProperties properties;

    ConfiguredSettings(UserServiceProperties properties) {
        this.properties = properties;
    }

    @Override
    public PasswordPolicy passwordPolicy() {
        UserServiceProperties.PasswordPolicy policy = properties.getPasswordPolicy();
        return new PasswordPolicy(policy.getMinLength(), policy.isRequireDigit(), policy.isRequireLetter());
    }

    @Override
    public Duration accessTokenLifetime() {
        return properties.getTokens().getAccessTokenTtl();
    }

    @Override
    public Duration refreshTokenLifetime() {
        return properties.getTokens().getRefreshTokenTtl();
    }

    @Override
    public Duration signingKeyRotationPeriod() {
        return properties.getSigningKeys().getRotationPeriod();
    }

    @Override
    public Duration signingKeyMinimumRotationInterval() {
        return properties.getSigningKeys().getMinimumRotationInterval();
    }

    @Override
    public Duration signingKeyPublicationMargin() {
        return properties.getSigningKeys().getPublicationMargin();
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        UserServiceProperties.LoginLockout lockout = properties.getLoginLockout();
        return new LockoutPolicy(lockout.getMaxFailures(), lockout.getWindow(), lockout.getLockDuration());
    }

    @Override
    public ThrottlePolicy throttlePolicy() {
        UserServiceProperties.LoginThrottle throttle = properties.getLoginThrottle();
        return new ThrottlePolicy(throttle.getFreeFailures(), throttle.getQuietPeriod(), throttle.getFirstDelay(),
                throttle.getMaxDelay());
    }
}
