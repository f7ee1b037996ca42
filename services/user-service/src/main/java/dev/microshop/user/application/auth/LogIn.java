package dev.microshop.user.application.auth;

import dev.microshop.user.application.port.AccessToken;
import dev.microshop.user.application.port.AccessTokenIssuer;
import dev.microshop.user.application.port.LockoutAlerts;
import dev.microshop.user.application.port.LogInSettings;
import dev.microshop.user.application.port.PasswordHasher;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.application.port.UserEventPublisher;
import dev.microshop.user.domain.login.AccountThrottle;
import dev.microshop.user.domain.login.LogInAttemptRepository;
import dev.microshop.user.domain.login.LogInAttempts;
import dev.microshop.user.domain.token.IssuedRefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.RefreshTokenSecret;
import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.EmailSpelling;
import dev.microshop.user.domain.user.PasswordHash;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserLoggedIn;
import dev.microshop.user.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchanges email and password for an access token and the first refresh token of a new family. Repeated failures
 * for one e-mail, registered or not, lock it for a while for the client address they came from only
 * ({@link LogInAttempts}), and slow down log-ins for it from everywhere ({@link AccountThrottle}).
 */
@Service
public class LogIn {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final LogInAttemptRepository attempts;
    private final PasswordHasher passwords;
    private final AccessTokenIssuer accessTokens;
    private final TokenSettings settings;
    private final LogInSettings logInSettings;
    private final UserEventPublisher events;
    private final LockoutAlerts lockoutAlerts;
    private final EmailSpelling spelling;
    private final Clock clock;
    /** Checked when the email is unknown, so the response time does not tell which emails have accounts. */
    private final PasswordHash decoy;

    public LogIn(
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            LogInAttemptRepository attempts,
            PasswordHasher passwords,
            AccessTokenIssuer accessTokens,
            TokenSettings settings,
            LogInSettings logInSettings,
            UserEventPublisher events,
            LockoutAlerts lockoutAlerts,
            EmailSpelling spelling,
            Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.attempts = attempts;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.settings = settings;
        this.logInSettings = logInSettings;
        this.events = events;
        this.lockoutAlerts = lockoutAlerts;
        this.spelling = spelling;
        this.clock = clock;
        this.decoy = passwords.hash(RefreshTokenSecret.generate().value());
    }

    // A failure must be stored although the request fails.
    @Transactional(noRollbackFor = InvalidCredentialsException.class)
    public TokenPair logIn(LogInCommand command) {
        EmailAddress email = EmailAddress.of(command.email(), spelling);
        String clientAddress = command.clientAddress();
        Instant now = clock.instant();
        // Checked before the password, so a refused attempt costs no hashing and the answer cannot depend on it.
        refuseIfLockedOrThrottled(attempts.find(email, clientAddress), attempts.findThrottle(email), now);
        Optional<User> found = users.findByEmail(email);
        boolean passwordMatches = passwords.matches(
                command.password(), found.map(User::passwordHash).orElse(decoy));
        attempts.lockForChange(email);
        // Again under the lock: concurrent attempts may have locked or slowed the account while the password was
        // checked.
        LogInAttempts current = attempts.find(email, clientAddress);
        AccountThrottle throttle = attempts.findThrottle(email);
        refuseIfLockedOrThrottled(current, throttle, now);
        if (found.isEmpty() || !passwordMatches) {
            countFailure(current, throttle, now);
            throw new InvalidCredentialsException();
        }
        // The account's throttle stays: the owner logging in must not hand an attacker a fresh set of free guesses.
        if (current.failures() > 0) {
            attempts.clear(email, clientAddress);
        }
        User user = found.get();
        RefreshTokenFamily family = RefreshTokenFamily.start(user.id(), now);
        IssuedRefreshToken refreshToken = family.issue(now, settings.refreshTokenLifetime());
        refreshTokens.addFamily(family);
        refreshTokens.addToken(refreshToken.token());
        AccessToken accessToken = accessTokens.issue(user, now, settings.accessTokenLifetime());
        events.publish(new UserLoggedIn(user.id(), now));
        return new TokenPair(accessToken.value(), refreshToken.secret().value(), settings.accessTokenLifetime());
    }

    private static void refuseIfLockedOrThrottled(
            LogInAttempts fromThisAddress, AccountThrottle throttle, Instant now) {
        if (fromThisAddress.isLockedAt(now)) {
            throw new AccountLockedException(fromThisAddress.lockRemainingAt(now));
        }
        if (throttle.waitAt(now).isPositive()) {
            throw new AccountThrottledException(throttle.waitAt(now));
        }
    }

    private void countFailure(LogInAttempts current, AccountThrottle throttle, Instant now) {
        LogInAttempts counted = current.afterFailureAt(now, logInSettings.lockoutPolicy());
        attempts.save(counted);
        if (counted.isLockedAt(now)) {
            lockoutAlerts.addressLocked(
                    counted.email(), counted.clientAddress(), counted.failures(), counted.lockedUntil());
        }
        AccountThrottle slowed = throttle.afterFailureAt(now, logInSettings.throttlePolicy());
        attempts.save(slowed);
        if (slowed.startsSlowingDown(logInSettings.throttlePolicy())) {
            lockoutAlerts.accountSlowedDown(slowed.email(), slowed.failures());
        }
    }
}
