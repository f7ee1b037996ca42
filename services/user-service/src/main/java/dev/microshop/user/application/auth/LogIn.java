package dev.microshop.user.application.auth;

import dev.microshop.user.application.port.AccessToken;
import dev.microshop.user.application.port.AccessTokenIssuer;
import dev.microshop.user.application.port.PasswordHasher;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.application.port.UserEventPublisher;
import dev.microshop.user.domain.token.IssuedRefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.RefreshTokenSecret;
import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.PasswordHash;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserLoggedIn;
import dev.microshop.user.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Exchanges email and password for an access token and the first refresh token of a new family. */
@Service
public class LogIn {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher passwords;
    private final AccessTokenIssuer accessTokens;
    private final TokenSettings settings;
    private final UserEventPublisher events;
    private final Clock clock;
    /** Checked when the email is unknown, so the response time does not tell which emails have accounts. */
    private final PasswordHash decoy;

    public LogIn(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher passwords,
                 AccessTokenIssuer accessTokens, TokenSettings settings, UserEventPublisher events, Clock clock) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.decoy = passwords.hash(RefreshTokenSecret.generate().value());
    }

    @Transactional
    public TokenPair logIn(LogInCommand command) {
        Optional<User> found = users.findByEmail(EmailAddress.of(command.email()));
        boolean passwordMatches = passwords.matches(command.password(),
                found.map(User::passwordHash).orElse(decoy));
        if (found.isEmpty() || !passwordMatches) {
            throw new InvalidCredentialsException();
        }
        User user = found.get();
        Instant now = clock.instant();
        RefreshTokenFamily family = RefreshTokenFamily.start(user.id(), now);
        IssuedRefreshToken refreshToken = family.issue(now, settings.refreshTokenLifetime());
        refreshTokens.addFamily(family);
        refreshTokens.addToken(refreshToken.token());
        AccessToken accessToken = accessTokens.issue(user, now, settings.accessTokenLifetime());
        events.publish(new UserLoggedIn(user.id(), now));
        return new TokenPair(accessToken.value(), refreshToken.secret().value(), settings.accessTokenLifetime());
    }
}
