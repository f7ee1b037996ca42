package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.user.EmailAddress;
import dev.microshop.user.domain.user.InvalidUserDetailsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void an_address_is_kept_in_the_canonical_spelling_its_spelling_gives() {
        assertThat(EmailAddress.of("  Ada@Example.com ", LowerCaseSpelling.INSTANCE)
                        .value())
                .isEqualTo("ada@example.com");
    }

    @Test
    void spellings_that_differ_only_in_case_and_surrounding_spaces_are_the_same_address_for_a_case_blind_spelling() {
        assertThat(EmailAddress.of("  Ada.Lovelace@Example.COM ", LowerCaseSpelling.INSTANCE))
                .isEqualTo(EmailAddress.of("ada.lovelace@example.com", LowerCaseSpelling.INSTANCE));
        assertThat(EmailAddress.of("Ada@Example.com", LowerCaseSpelling.INSTANCE)
                        .value())
                .isEqualTo("ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "ada",
                "ada@",
                "@example.com",
                "ada@example",
                "ada@@example.com",
                "ada lovelace@example.com",
                "ada@example..com",
                "ada@.example.com"
            })
    void malformed_addresses_are_rejected(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw, LowerCaseSpelling.INSTANCE))
                .isInstanceOf(InvalidUserDetailsException.class)
                .extracting(e -> ((InvalidUserDetailsException) e).field())
                .isEqualTo("email");
    }

    @Test
    void an_address_longer_than_254_characters_is_rejected() {
        String tooLong = "a".repeat(243) + "@example.com";
        assertThat(tooLong).hasSize(255);
        assertThatThrownBy(() -> EmailAddress.of(tooLong, LowerCaseSpelling.INSTANCE))
                .isInstanceOf(InvalidUserDetailsException.class);
    }

    @Test
    void control_characters_are_rejected() {
        assertThatThrownBy(() -> new EmailAddress("ada\u0007@example.com"))
                .isInstanceOf(InvalidUserDetailsException.class);
    }

    @Test
    void null_is_rejected_as_blank() {
        assertThatThrownBy(() -> EmailAddress.of(null, LowerCaseSpelling.INSTANCE))
                .hasMessage("email must not be blank");
    }
}
