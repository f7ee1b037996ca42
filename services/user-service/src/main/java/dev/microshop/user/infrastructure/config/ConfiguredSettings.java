package dev.microshop.user.infrastructure.config;

import dev.microshop.user.application.port.LogInSettings;
import dev.microshop.user.application.port.RegistrationSettings;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.login.LockoutPolicy;
import dev.microshop.user.domain.user.EmailAddress;
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
    public boolean isAdministrator(EmailAddress email) {
        return properties.getAdminEmails().stream().anyMatch(admin -> admin.strip().equalsIgnoreCase(email.value()));
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
    public Duration signingKeyPublicationMargin() {
        return properties.getSigningKeys().getPublicationMargin();
    }

    @Override
    public LockoutPolicy lockoutPolicy() {
        UserServiceProperties.LoginLockout lockout = properties.getLoginLockout();
        return new LockoutPolicy(lockout.getMaxFailures(), lockout.getWindow(), lockout.getLockDuration());
    }
}
