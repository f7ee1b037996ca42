package dev.microshop.user.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.application.auth.AccountLockedException;
import dev.microshop.user.application.auth.InvalidCredentialsException;
import dev.microshop.user.application.auth.LogIn;
import dev.microshop.user.application.auth.LogInCommand;
import dev.microshop.user.application.auth.TokenPair;
import dev.microshop.user.application.signup.SignUp;
import dev.microshop.user.application.signup.SignUpCommand;
import dev.microshop.user.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogInLockoutTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final String RIGHT = "analytical1";

    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryLogInAttempts attempts = new InMemoryLogInAttempts();
    private final Fakes.Settings settings = new Fakes.Settings();
    private final Fakes.RecordedLockouts lockouts = new Fakes.RecordedLockouts();
    private final Fakes.ReversingHasher hasher = new Fakes.ReversingHasher();

    LogInLockoutTest() {
        new SignUp(users, hasher, settings, new Fakes.RecordedEvents(), Clock.fixed(START, ZoneOffset.UTC))
                .signUp(new SignUpCommand("ada@example.com", "Ada", RIGHT));
    }

    @Test
    void five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused_with_the_time_left() {
        failFiveTimes("ada@example.com", START);

        assertThatThrownBy(() -> logInAt(START.plus(Duration.ofMinutes(5)), "ada@example.com", RIGHT))
                .isInstanceOfSatisfying(AccountLockedException.class,
                        locked -> assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(lockouts.raised).containsExactly(new Fakes.Lockout(EmailAddress.of("ada@example.com"), 5,
                START.plus(Duration.ofMinutes(15))));
    }

    @Test
    void an_unknown_email_is_counted_and_locked_exactly_like_a_registered_one() {
        failFiveTimes("nobody@example.com", START);

        assertThatThrownBy(() -> logInAt(START.plus(Duration.ofMinutes(5)), "nobody@example.com", RIGHT))
                .isInstanceOfSatisfying(AccountLockedException.class,
                        locked -> assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(lockouts.raised).hasSize(1);
    }

    @Test
    void the_right_password_works_again_once_the_lock_is_over() {
        failFiveTimes("ADA@example.com ", START);

        assertThat(logInAt(START.plus(Duration.ofMinutes(15)), "ada@example.com", RIGHT).accessToken()).isNotBlank();
        assertThat(attempts.byEmail).isEmpty();
    }

    @Test
    void a_successful_log_in_clears_earlier_failures() {
        for (int i = 0; i < 4; i++) {
            failAt(START, "ada@example.com");
        }

        logInAt(START, "ada@example.com", RIGHT);
        for (int i = 0; i < 4; i++) {
            failAt(START, "ada@example.com");
        }

        assertThat(attempts.find(EmailAddress.of("ada@example.com")).failures()).isEqualTo(4);
        assertThat(logInAt(START, "ada@example.com", RIGHT).accessToken()).isNotBlank();
        assertThat(lockouts.raised).isEmpty();
    }

    private void failFiveTimes(String email, Instant when) {
        for (int i = 0; i < 5; i++) {
            failAt(when, email);
        }
    }

    private void failAt(Instant when, String email) {
        assertThatThrownBy(() -> logInAt(when, email, "wrong-password1"))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    private TokenPair logInAt(Instant when, String email, String password) {
        LogIn logIn = new LogIn(users, new InMemoryRefreshTokens(), attempts, hasher, new Fakes.UnsignedTokens(),
                settings, settings, new Fakes.RecordedEvents(), lockouts, Clock.fixed(when, ZoneOffset.UTC));
        return logIn.logIn(new LogInCommand(email, password));
    }
}
