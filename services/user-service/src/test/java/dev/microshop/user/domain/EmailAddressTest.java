package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.InvalidUserDetailsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void spellings_that_differ_only_in_case_and_surrounding_spaces_are_the_same_address() {
        assertThat(EmailAddress.of("  Ada.Lovelace@Example.COM ")).isEqualTo(EmailAddress.of("ada.lovelace@example.com"));
        assertThat(EmailAddress.of("Ada@Example.com").value()).isEqualTo("ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com",
            "ada lovelace@example.com", "ada@example..com", "ada@.example.com"})
    void malformed_addresses_are_rejected(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw))
                .isInstanceOf(InvalidUserDetailsException.class)
                .extracting(e -> ((InvalidUserDetailsException) e).field()).isEqualTo("email");
    }

    @Test
    void an_address_longer_than_254_characters_is_rejected() {
        String tooLong = "a".repeat(243) + "@example.com";
        assertThat(tooLong).hasSize(255);
        assertThatThrownBy(() -> EmailAddress.of(tooLong)).isInstanceOf(InvalidUserDetailsException.class);
    }

    @Test
    void null_is_rejected_as_blank() {
        assertThatThrownBy(() -> EmailAddress.of(null)).hasMessage("email must not be blank");
    }
}
