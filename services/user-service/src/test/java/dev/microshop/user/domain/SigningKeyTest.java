package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.signingkey.SigningKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    private static final Duration ROTATION_PERIOD = Duration.ofDays(30);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(20);
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final SigningKey KEY = SigningKey.generate(CREATED);

    @Test
    void a_new_key_is_an_active_2048_bit_rsa_key_with_its_own_kid() {
        assertThat(KEY.isActive()).isTrue();
        assertThat(KEY.publicKey().getModulus().bitLength()).isEqualTo(2048);
        assertThat(KEY.privateKey()).isNotNull();
        assertThat(SigningKey.generate(CREATED).kid()).isNotEqualTo(KEY.kid());
    }

    @Test
    void a_key_is_due_for_rotation_once_the_rotation_period_has_passed() {
        assertThat(KEY.isDueForRotation(CREATED.plus(ROTATION_PERIOD).minusSeconds(1), ROTATION_PERIOD))
                .isFalse();
        assertThat(KEY.isDueForRotation(CREATED.plus(ROTATION_PERIOD), ROTATION_PERIOD))
                .isTrue();
    }

    @Test
    void a_retired_key_forgets_its_private_half_and_cannot_retire_twice() {
        SigningKey retired = KEY.retire(CREATED.plusSeconds(60));
        assertThat(retired.isActive()).isFalse();
        assertThat(retired.privateKey()).isNull();
        assertThat(retired.kid()).isEqualTo(KEY.kid());
        assertThat(retired.isDueForRotation(CREATED.plus(ROTATION_PERIOD), ROTATION_PERIOD))
                .isFalse();
        assertThatThrownBy(() -> retired.retire(CREATED.plusSeconds(120))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_retired_key_verifies_tokens_until_the_last_one_it_signed_has_expired() {
        Instant retiredAt = CREATED.plus(Duration.ofDays(10));
        SigningKey retired = KEY.retire(retiredAt);
        assertThat(retired.mayVerifyTokensAt(retiredAt.plus(TOKEN_LIFETIME).minusSeconds(1), TOKEN_LIFETIME))
                .isTrue();
        assertThat(retired.mayVerifyTokensAt(retiredAt.plus(TOKEN_LIFETIME), TOKEN_LIFETIME))
                .isFalse();
        assertThat(KEY.mayVerifyTokensAt(CREATED.plus(Duration.ofDays(365)), TOKEN_LIFETIME))
                .isTrue();
    }
}
