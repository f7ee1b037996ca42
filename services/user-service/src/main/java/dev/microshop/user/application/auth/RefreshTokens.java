package dev.microshop.user.application.auth;

import dev.microshop.user.application.port.AccessToken;
import dev.microshop.user.application.port.AccessTokenIssuer;
import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.token.Redemption;
import dev.microshop.user.domain.token.RefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.RefreshTokenSecret;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserRepository;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Redeems a refresh token for a new pair; a token used twice revokes its whole family. */
@Service
public class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final AccessTokenIssuer accessTokens;
    private final TokenSettings settings;
    private final Clock clock;

    public RefreshTokens(
            RefreshTokenRepository refreshTokens,
            UserRepository users,
            AccessTokenIssuer accessTokens,
            TokenSettings settings,
            Clock clock) {
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.settings = settings;
        this.clock = clock;
    }

    // The revocation of a family must be committed although the request fails.
    @Transactional(noRollbackFor = RefreshTokenRejectedException.class)
    public TokenPair refresh(RefreshTokensCommand command) {
        Instant now = clock.instant();
        RefreshToken presented = refreshTokens
                .findTokenForRedemption(new RefreshTokenSecret(command.refreshToken()).hash())
                .orElseThrow(() -> {
                    log.info("Refresh token refused: {}", Redemption.Reason.UNKNOWN);
                    return new RefreshTokenRejectedException(Redemption.Reason.UNKNOWN);
                });
        RefreshTokenFamily family =
                refreshTokens.findFamily(presented.familyId()).orElseThrow();
        return switch (family.redeem(presented, now, settings.refreshTokenLifetime())) {
            case Redemption.Accepted accepted -> {
                refreshTokens.updateToken(accepted.used());
                refreshTokens.addToken(accepted.next().token());
                User user = users.findById(family.userId()).orElseThrow();
                AccessToken accessToken = accessTokens.issue(user, now, settings.accessTokenLifetime());
                yield new TokenPair(
                        accessToken.value(), accepted.next().secret().value(), settings.accessTokenLifetime());
            }
            case Redemption.Refused refused -> {
                if (refused.reason() == Redemption.Reason.REUSED) {
                    refreshTokens.updateFamily(family);
                    log.warn(
                            "A used refresh token of user {} was presented again: every token of log-in {} is revoked",
                            family.userId(),
                            family.id());
                } else {
                    log.info("Refresh token of user {} refused: {}", family.userId(), refused.reason());
                }
                throw new RefreshTokenRejectedException(refused.reason());
            }
        };
    }
}
