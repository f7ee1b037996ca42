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

    private static User register(boolean administrator) {
        return User.register(UserId.newId(), EmailAddress.of("ada@example.com"), UserName.of("Ada"),
                new PasswordHash("$2a$10$hash"), administrator, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void every_new_user_is_a_customer() {
        assertThat(register(false).roles()).containsExactly(Role.CUSTOMER);
    }

    @Test
    void an_administrator_is_also_a_customer() {
        assertThat(register(true).roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
    }

    @Test
    void the_password_hash_never_shows_in_text() {
        assertThat(register(false).toString()).doesNotContain("$2a$10$hash");
    }

    @Test
    void a_user_id_from_outside_must_be_a_uuid() {
        UserId id = UserId.newId();
        assertThat(UserId.parse(id.toString())).isEqualTo(id);
        assertThatThrownBy(() -> UserId.parse("42")).isInstanceOf(InvalidUserIdException.class)
                .hasMessage("User id '42' is not a UUID");
    }
}
