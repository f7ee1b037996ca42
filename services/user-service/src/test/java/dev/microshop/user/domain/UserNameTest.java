package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.user.InvalidUserDetailsException;
import dev.microshop.user.domain.user.UserName;
import org.junit.jupiter.api.Test;

class UserNameTest {

    @Test
    void surrounding_spaces_are_removed() {
        assertThat(UserName.of("  Ada Lovelace ").value()).isEqualTo("Ada Lovelace");
    }

    @Test
    void a_blank_name_is_rejected() {
        assertThatThrownBy(() -> UserName.of("   "))
                .isInstanceOf(InvalidUserDetailsException.class)
                .hasMessage("name must not be blank");
    }

    @Test
    void a_name_may_have_100_characters_but_not_101() {
        assertThat(UserName.of("é".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> UserName.of("x".repeat(101))).isInstanceOf(InvalidUserDetailsException.class);
    }

    @Test
    void control_characters_are_rejected() {
        assertThatThrownBy(() -> UserName.of("Ada\nLovelace"))
                .isInstanceOf(InvalidUserDetailsException.class)
                .hasMessage("name must not contain control characters");
    }
}
