package dev.microshop.user.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.application.auth.InvalidCredentialsException;
import dev.microshop.user.application.auth.LogIn;
import dev.microshop.user.application.auth.LogInCommand;
import dev.microshop.user.application.auth.RefreshTokenRejectedException;
import dev.microshop.user.application.auth.RefreshTokens;
import dev.microshop.user.application.auth.RefreshTokensCommand;
import dev.microshop.user.application.auth.TokenPair;
import dev.microshop.user.application.signup.SignUp;
import dev.microshop.user.application.signup.SignUpCommand;
import dev.microshop.user.domain.LowerCaseSpelling;
import dev.microshop.user.domain.token.Redemption;
import dev.microshop.user.domain.token.RefreshTokenSecret;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserLoggedIn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogInAndRefreshTest {

    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final Fakes.Settings settings = new Fakes.Settings();
    private final Fakes.RecordedEvents events = new Fakes.RecordedEvents();
    private final Fakes.ReversingHasher hasher = new Fakes.ReversingHasher();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final LogIn logIn = new LogIn(
            users,
            refreshTokens,
            new InMemoryLogInAttempts(),
            hasher,
            new Fakes.UnsignedTokens(),
            settings,
            settings,
            events,
            new Fakes.RecordedLockouts(),
            LowerCaseSpelling.INSTANCE,
            clock);
    private final RefreshTokens refresh =
            new RefreshTokens(refreshTokens, users, new Fakes.UnsignedTokens(), settings, clock);
    private final User ada = new SignUp(users, hasher, settings, events, LowerCaseSpelling.INSTANCE, clock)
            .signUp(new SignUpCommand("ada@example.com", "Ada", "analytical1"));

    @Test
    void the_right_password_gives_a_token_pair_and_announces_the_log_in() {
        TokenPair pair = logIn.logIn(new LogInCommand("ADA@example.com", "analytical1", "203.0.113.7"));

        assertThat(pair.accessToken()).contains(ada.id().toString());
        assertThat(pair.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        assertThat(refreshTokens.tokens).containsKey(new RefreshTokenSecret(pair.refreshToken()).hash());
        assertThat(events.published).contains(new UserLoggedIn(ada.id(), clock.instant()));
    }

    @Test
    void a_wrong_password_and_an_unknown_email_fail_alike() {
        assertThatThrownBy(() -> logIn.logIn(new LogInCommand("ada@example.com", "wrong-password1", "203.0.113.7")))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage("Email or password is wrong");
        assertThatThrownBy(() -> logIn.logIn(new LogInCommand("bob@example.com", "analytical1", "203.0.113.7")))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessage("Email or password is wrong");
        assertThat(refreshTokens.families).isEmpty();
    }

    @Test
    void a_refresh_token_is_exchanged_for_a_new_pair_once() {
        TokenPair first = logIn.logIn(new LogInCommand("ada@example.com", "analytical1", "203.0.113.7"));

        TokenPair second = refresh.refresh(new RefreshTokensCommand(first.refreshToken()));

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).contains(ada.id().toString());
        assertThat(refreshTokens
                        .tokens
                        .get(new RefreshTokenSecret(first.refreshToken()).hash())
                        .isUsed())
                .isTrue();
    }

    @Test
    void replaying_a_used_refresh_token_revokes_every_token_of_that_log_in() {
        TokenPair first = logIn.logIn(new LogInCommand("ada@example.com", "analytical1", "203.0.113.7"));
        TokenPair second = refresh.refresh(new RefreshTokensCommand(first.refreshToken()));

        assertThatThrownBy(() -> refresh.refresh(new RefreshTokensCommand(first.refreshToken())))
                .isInstanceOfSatisfying(
                        RefreshTokenRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Redemption.Reason.REUSED));
        assertThatThrownBy(() -> refresh.refresh(new RefreshTokensCommand(second.refreshToken())))
                .isInstanceOfSatisfying(
                        RefreshTokenRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Redemption.Reason.REVOKED));
    }

    @Test
    void another_log_in_is_not_affected_by_a_revoked_family() {
        TokenPair stolen = logIn.logIn(new LogInCommand("ada@example.com", "analytical1", "203.0.113.7"));
        TokenPair otherDevice = logIn.logIn(new LogInCommand("ada@example.com", "analytical1", "203.0.113.7"));
        refresh.refresh(new RefreshTokensCommand(stolen.refreshToken()));
        assertThatThrownBy(() -> refresh.refresh(new RefreshTokensCommand(stolen.refreshToken())))
                .isInstanceOf(RefreshTokenRejectedException.class);

        assertThat(refresh.refresh(new RefreshTokensCommand(otherDevice.refreshToken()))
                        .refreshToken())
                .isNotBlank();
    }

    @Test
    void an_unknown_refresh_token_is_rejected() {
        assertThatThrownBy(() -> refresh.refresh(new RefreshTokensCommand("made-up")))
                .isInstanceOfSatisfying(
                        RefreshTokenRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Redemption.Reason.UNKNOWN));
    }
}
