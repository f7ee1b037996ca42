package dev.microshop.user.application.auth;

import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.RefreshTokenSecret;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends the log-in a refresh token belongs to: its whole family is revoked, so no copy of any of its tokens is
 * redeemed again. An unknown or already revoked token ends nothing, and says so to no one.
 */
@Service
public class LogOut {

    private final RefreshTokenRepository refreshTokens;
    private final Clock clock;

    public LogOut(RefreshTokenRepository refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Transactional
    public void logOut(String refreshToken) {
        refreshTokens
                .findTokenForRedemption(new RefreshTokenSecret(refreshToken).hash())
                .flatMap(token -> refreshTokens.findFamily(token.familyId()))
                .filter(family -> !family.isRevoked())
                .ifPresent(family -> revoke(family));
    }

    private void revoke(RefreshTokenFamily family) {
        family.revoke(clock.instant());
        refreshTokens.updateFamily(family);
    }
}
