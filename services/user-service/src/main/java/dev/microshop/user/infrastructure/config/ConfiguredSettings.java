package dev.microshop.user.infrastructure.config;

import dev.microshop.platform.config.LiveSettings;
import dev.microshop.user.application.port.LogInSettings;
import dev.microshop.user.application.port.RegistrationSettings;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.login.ThrottlePolicy;
import dev.microshop.user.domain.user.PasswordPolicy;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The settings ports, read from the current properties at every call so refreshed configuration applies at once. */
@Component
class ConfiguredSettings implements RegistrationSettings, TokenSettings, LogInSettings {

    private final LiveSettings<UserServiceProperties> settings;

    ConfiguredSettings(LiveSettings<UserServiceProperties> settings) {
        this.settings = settings;
    }

    @Override
    public PasswordPolicy passwordPolicy() {
        return settings.current().passwordPolicy();
    }

    @Override
    public Duration accessTokenLifetime() {
        return settings.current().tokens().accessTokenTtl();
    }

    @Override
    public Duration refreshTokenLifetime() {
        return settings.current().tokens().refreshTokenTtl();
    }

    @Override
    public Duration signingKeyRotationPeriod() {
        return settings.current().signingKeys().rotationPeriod();
    }

    @Override
    public Duration signingKeyMinimumRotationInterval() {
        return settings.current().signingKeys().minimumRotationInterval();
    }

    @Override
    public Duration signingKeyPublicationMargin() {
        return settings.current().signingKeys().publicationMargin();
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        return settings.current().loginLockout();
    }

    @Override
    public ThrottlePolicy throttlePolicy() {
        return settings.current().loginThrottle();
    }
}
