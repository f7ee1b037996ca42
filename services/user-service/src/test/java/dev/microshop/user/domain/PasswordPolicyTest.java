package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.user.PasswordPolicy;
import dev.microshop.user.domain.user.PasswordRejectedException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy strict = new PasswordPolicy(10, true, true);

    @Test
    void a_password_meeting_every_rule_is_accepted() {
        assertThatCode(() -> strict.check("correct horse 7")).doesNotThrowAnyException();
    }

    @Test
    void a_short_password_is_rejected_with_the_minimum_in_the_message() {
        assertThatThrownBy(() -> strict.check("abc12"))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessage("Password must be at least 10 characters long");
    }

    @Test
    void every_broken_rule_is_listed() {
        assertThatThrownBy(() -> strict.check("!!!"))
                .isInstanceOfSatisfying(
                        PasswordRejectedException.class,
                        rejected -> assertThat(rejected.brokenRules())
                                .containsExactly(
                                        "must be at least 10 characters long",
                                        "must contain a digit",
                                        "must contain a letter"));
    }

    @Test
    void digits_and_letters_are_only_required_when_configured() {
        PasswordPolicy lengthOnly = new PasswordPolicy(10, false, false);
        assertThatCode(() -> lengthOnly.check("..........")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new PasswordPolicy(10, true, false).check("abcdefghij"))
                .hasMessage("Password must contain a digit");
        assertThatThrownBy(() -> new PasswordPolicy(10, false, true).check("0123456789"))
                .hasMessage("Password must contain a letter");
    }

    @Test
    void length_counts_characters_not_bytes() {
        assertThatCode(() -> strict.check("äöüäöüäöü1")).doesNotThrowAnyException();
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_rejected_rather_than_truncated() {
        assertThatThrownBy(() -> strict.check("a1".repeat(37))).hasMessage("Password must be at most 72 bytes long");
    }

    @Test
    void a_missing_password_breaks_the_length_rule() {
        assertThatThrownBy(() -> strict.check(null)).isInstanceOf(PasswordRejectedException.class);
    }

    @Test
    void a_policy_cannot_demand_more_than_bcrypt_can_read() {
        assertThatThrownBy(() -> new PasswordPolicy(73, false, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
