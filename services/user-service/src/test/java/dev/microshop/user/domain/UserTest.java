package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.InvalidUserIdException;
import dev.microshop.user.domain.user.PasswordHash;
import dev.microshop.user.domain.user.Role;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserId;
import dev.microshop.user.domain.user.UserName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {

    private static User register() {
        return User.register(
                UserId.newId(),
                new EmailAddress("ada@example.com"),
                UserName.of("Ada"),
                new PasswordHash("$2a$10$hash"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void every_new_user_is_a_customer_and_nothing_more() {
        assertThat(register().roles()).containsExactly(Role.CUSTOMER);
        assertThat(register().isAdministrator()).isFalse();
    }

    @Test
    void an_administrator_stays_a_customer_and_is_one_only_after_a_revocation() {
        User administrator = register().grantAdministrator();

        assertThat(administrator.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
        assertThat(administrator.revokeAdministrator().roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void the_password_hash_never_shows_in_text() {
        assertThat(register().toString()).doesNotContain("$2a$10$hash");
    }

    @Test
    void a_user_id_from_outside_must_be_a_uuid() {
        UserId id = UserId.newId();
        assertThat(UserId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> UserId.parse("42"))
                .isInstanceOf(InvalidUserIdException.class)
                .hasMessage("User id '42' is not a UUID");
    }
}
