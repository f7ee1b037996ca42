package dev.microshop.user.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.application.signup.SignUp;
import dev.microshop.user.application.signup.SignUpCommand;
import dev.microshop.user.domain.LowerCaseSpelling;
import dev.microshop.user.domain.user.EmailAlreadyRegisteredException;
import dev.microshop.user.domain.user.PasswordPolicy;
import dev.microshop.user.domain.user.PasswordRejectedException;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignUpTest {

    private final InMemoryUsers users = new InMemoryUsers();
    private final Fakes.Settings settings = new Fakes.Settings();
    private final Fakes.RecordedEvents events = new Fakes.RecordedEvents();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private final SignUp signUp =
            new SignUp(users, new Fakes.ReversingHasher(), settings, events, LowerCaseSpelling.INSTANCE, clock);

    @Test
    void a_new_user_is_stored_with_a_hashed_password_and_announced() {
        User user = signUp.signUp(new SignUpCommand("Ada@Example.com", " Ada ", "analytical1"));

        assertThat(users.byId).containsKey(user.id());
        assertThat(user.email().value()).isEqualTo("ada@example.com");
        assertThat(user.name().value()).isEqualTo("Ada");
        assertThat(user.passwordHash().value()).doesNotContain("analytical1");
        assertThat(user.roles()).containsExactly(Role.CUSTOMER);
        assertThat(user.registeredAt()).isEqualTo(clock.instant());
        assertThat(events.published).containsExactly(UserRegistered.of(user));
    }

    @Test
    void an_email_already_registered_in_another_case_is_refused() {
        signUp.signUp(new SignUpCommand("ada@example.com", "Ada", "analytical1"));

        assertThatThrownBy(() -> signUp.signUp(new SignUpCommand("ADA@example.com", "Ada Two", "analytical2")))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
        assertThat(users.byId).hasSize(1);
        assertThat(events.published).hasSize(1);
    }

    @Test
    void the_password_policy_in_force_at_the_time_of_the_request_applies() {
        SignUpCommand shortPassword = new SignUpCommand("ada@example.com", "Ada", "short1");
        assertThatThrownBy(() -> signUp.signUp(shortPassword)).isInstanceOf(PasswordRejectedException.class);

        settings.passwordPolicy = new PasswordPolicy(6, true, true);

        assertThat(signUp.signUp(shortPassword).email().value()).isEqualTo("ada@example.com");
    }
}
