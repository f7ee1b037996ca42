package dev.microshop.user.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.user.domain.token.IssuedRefreshToken;
import dev.microshop.user.domain.token.Redemption;
import dev.microshop.user.domain.token.RefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenSecret;
import dev.microshop.user.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenFamilyTest {

    private static final Duration LIFETIME = Duration.ofDays(7);
    private final Instant loginTime = Instant.parse("2026-01-01T10:00:00Z");
    private final RefreshTokenFamily family = RefreshTokenFamily.start(UserId.newId(), loginTime);

    @Test
    void a_token_is_stored_as_the_sha256_of_its_secret_and_secrets_are_random() {
        IssuedRefreshToken issued = family.issue(loginTime, LIFETIME);
        assertThat(issued.token().hash()).isEqualTo(issued.secret().hash());
        assertThat(issued.token().hash().value())
                .hasSize(64)
                .doesNotContain(issued.secret().value());
        assertThat(issued.secret().value()).hasSize(43);
        assertThat(RefreshTokenSecret.generate()).isNotEqualTo(RefreshTokenSecret.generate());
        assertThat(issued.token().expiresAt()).isEqualTo(loginTime.plus(LIFETIME));
    }

    @Test
    void redeeming_a_fresh_token_uses_it_up_and_issues_its_successor_in_the_same_family() {
        RefreshToken first = family.issue(loginTime, LIFETIME).token();
        Instant later = loginTime.plusSeconds(600);

        Redemption.Accepted accepted = (Redemption.Accepted) family.redeem(first, later, LIFETIME);

        assertThat(accepted.used().isUsed()).isTrue();
        assertThat(accepted.used().usedAt()).isEqualTo(later);
        assertThat(accepted.next().token().familyId()).isEqualTo(family.id());
        assertThat(accepted.next().token().hash()).isNotEqualTo(first.hash());
        assertThat(accepted.next().token().expiresAt()).isEqualTo(later.plus(LIFETIME));
        assertThat(family.isRevoked()).isFalse();
    }

    @Test
    void presenting_a_used_token_again_revokes_the_family() {
        RefreshToken first = family.issue(loginTime, LIFETIME).token();
        Redemption.Accepted accepted = (Redemption.Accepted) family.redeem(first, loginTime.plusSeconds(60), LIFETIME);

        Redemption replay = family.redeem(accepted.used(), loginTime.plusSeconds(120), LIFETIME);

        assertThat(replay).isEqualTo(new Redemption.Refused(Redemption.Reason.REUSED));
        assertThat(family.isRevoked()).isTrue();
        assertThat(family.revokedAt()).isEqualTo(loginTime.plusSeconds(120));
    }

    @Test
    void after_a_reuse_even_the_newest_token_of_the_family_is_refused() {
        RefreshToken first = family.issue(loginTime, LIFETIME).token();
        Redemption.Accepted accepted = (Redemption.Accepted) family.redeem(first, loginTime.plusSeconds(60), LIFETIME);
        family.redeem(accepted.used(), loginTime.plusSeconds(120), LIFETIME);

        Redemption newest = family.redeem(accepted.next().token(), loginTime.plusSeconds(180), LIFETIME);

        assertThat(newest).isEqualTo(new Redemption.Refused(Redemption.Reason.REVOKED));
    }

    @Test
    void an_expired_token_is_refused_without_revoking_the_family() {
        RefreshToken first = family.issue(loginTime, LIFETIME).token();

        Redemption late = family.redeem(first, loginTime.plus(LIFETIME), LIFETIME);

        assertThat(late).isEqualTo(new Redemption.Refused(Redemption.Reason.EXPIRED));
        assertThat(family.isRevoked()).isFalse();
    }

    @Test
    void a_token_cannot_be_redeemed_in_a_family_it_does_not_belong_to() {
        RefreshToken stranger = RefreshTokenFamily.start(UserId.newId(), loginTime)
                .issue(loginTime, LIFETIME)
                .token();
        assertThatThrownBy(() -> family.redeem(stranger, loginTime, LIFETIME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secrets_never_show_in_text() {
        IssuedRefreshToken issued = family.issue(loginTime, LIFETIME);
        assertThat(issued.toString()).doesNotContain(issued.secret().value());
    }
}
