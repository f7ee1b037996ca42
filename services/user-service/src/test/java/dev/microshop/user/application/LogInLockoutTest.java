package dev.microshop.user.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.application.auth.AccountLockedException;
import dev.microshop.user.application.auth.AccountThrottledException;
import dev.microshop.user.application.auth.InvalidCredentialsException;
import dev.microshop.user.application.auth.LogIn;
import dev.microshop.user.application.auth.LogInCommand;
import dev.microshop.user.application.auth.TokenPair;
import dev.microshop.user.application.signup.SignUp;
import dev.microshop.user.application.signup.SignUpCommand;
import dev.microshop.user.domain.LowerCaseSpelling;
import dev.microshop.user.domain.user.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogInLockoutTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final String RIGHT = "analytical1";
    private static final String ATTACKER = "198.51.100.66";
    private static final String OWNER = "203.0.113.7";
    private static final EmailAddress ADA = new EmailAddress("ada@example.com");

    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryLogInAttempts attempts = new InMemoryLogInAttempts();
    private final Fakes.Settings settings = new Fakes.Settings();
    private final Fakes.RecordedLockouts lockouts = new Fakes.RecordedLockouts();
    private final Fakes.ReversingHasher hasher = new Fakes.ReversingHasher();

    LogInLockoutTest() {
        new SignUp(
                        users,
                        hasher,
                        settings,
                        new Fakes.RecordedEvents(),
                        LowerCaseSpelling.INSTANCE,
                        Clock.fixed(START, ZoneOffset.UTC))
                .signUp(new SignUpCommand("ada@example.com", "Ada", RIGHT));
    }

    @Test
    void five_wrong_passwords_lock_that_address_out_and_then_even_the_right_one_is_refused_with_the_time_left() {
        failFiveTimes("ada@example.com", ATTACKER, START);

        assertThatThrownBy(() -> logInAt(START.plus(Duration.ofMinutes(5)), "ada@example.com", RIGHT, ATTACKER))
                .isInstanceOfSatisfying(
                        AccountLockedException.class,
                        locked -> assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(lockouts.raised)
                .containsExactly(new Fakes.Lockout(ADA, ATTACKER, 5, START.plus(Duration.ofMinutes(15))));
    }

    @Test
    void the_owner_logs_in_from_another_address_while_the_attackers_address_is_locked() {
        for (int i = 0; i < 8; i++) {
            failOrMeetLockAt(START, "ada@example.com", ATTACKER);
        }

        assertThat(logInAt(START, "ada@example.com", RIGHT, OWNER).accessToken())
                .isNotBlank();
    }

    @Test
    void failures_from_many_addresses_slow_the_account_down_for_everyone_but_never_lock_it() {
        for (int i = 0; i < 10; i++) {
            failAt(START, "ada@example.com", "198.51.100." + i);
        }
        failAt(START, "ada@example.com", "198.51.100.10");

        assertThatThrownBy(() -> logInAt(START, "ada@example.com", RIGHT, OWNER))
                .isInstanceOfSatisfying(
                        AccountThrottledException.class,
                        throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        assertThat(lockouts.slowedDown).containsExactly(ADA);
        assertThat(lockouts.raised).isEmpty();
        assertThat(logInAt(START.plusSeconds(1), "ada@example.com", RIGHT, OWNER)
                        .accessToken())
                .isNotBlank();
    }

    @Test
    void an_unknown_email_is_counted_and_locked_exactly_like_a_registered_one() {
        failFiveTimes("nobody@example.com", ATTACKER, START);

        assertThatThrownBy(() -> logInAt(START.plus(Duration.ofMinutes(5)), "nobody@example.com", RIGHT, ATTACKER))
                .isInstanceOfSatisfying(
                        AccountLockedException.class,
                        locked -> assertThat(locked.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(lockouts.raised).hasSize(1);
    }

    @Test
    void the_right_password_works_again_once_the_lock_is_over() {
        failFiveTimes("ADA@example.com ", OWNER, START);

        assertThat(logInAt(START.plus(Duration.ofMinutes(15)), "ada@example.com", RIGHT, OWNER)
                        .accessToken())
                .isNotBlank();
        assertThat(attempts.byPair).isEmpty();
    }

    @Test
    void a_successful_log_in_clears_earlier_failures_from_that_address() {
        for (int i = 0; i < 4; i++) {
            failAt(START, "ada@example.com", OWNER);
        }

        logInAt(START, "ada@example.com", RIGHT, OWNER);
        for (int i = 0; i < 4; i++) {
            failAt(START, "ada@example.com", OWNER);
        }

        assertThat(attempts.find(ADA, OWNER).failures()).isEqualTo(4);
        assertThat(logInAt(START, "ada@example.com", RIGHT, OWNER).accessToken())
                .isNotBlank();
        assertThat(lockouts.raised).isEmpty();
    }

    private void failFiveTimes(String email, String clientAddress, Instant when) {
        for (int i = 0; i < 5; i++) {
            failAt(when, email, clientAddress);
        }
    }

    private void failAt(Instant when, String email, String clientAddress) {
        assertThatThrownBy(() -> logInAt(when, email, "wrong-password1", clientAddress))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    private void failOrMeetLockAt(Instant when, String email, String clientAddress) {
        assertThatThrownBy(() -> logInAt(when, email, "wrong-password1", clientAddress))
                .isInstanceOfAny(InvalidCredentialsException.class, AccountLockedException.class);
    }

    private TokenPair logInAt(Instant when, String email, String password, String clientAddress) {
        LogIn logIn = new LogIn(
                users,
                new InMemoryRefreshTokens(),
                attempts,
                hasher,
                new Fakes.UnsignedTokens(),
                settings,
                settings,
                new Fakes.RecordedEvents(),
                lockouts,
                LowerCaseSpelling.INSTANCE,
                Clock.fixed(when, ZoneOffset.UTC));
        return logIn.logIn(new LogInCommand(email, password, clientAddress));
    }
}
