package dev.microshop.user.domain.token;

import java.util.Optional;
import java.util.UUID;

/** Refresh token families and their tokens. */
public interface RefreshTokenRepository {

    void addFamily(RefreshTokenFamily family);

    /** Stores the family's revocation. */
    void updateFamily(RefreshTokenFamily family);

    Optional<RefreshTokenFamily> findFamily(UUID familyId);

    void addToken(RefreshToken token);

    /** Stores that the token has been used. */
    void updateToken(RefreshToken token);

    /**
     * Finds a token and locks it until the transaction ends, so two requests presenting the same token are
     * handled one after the other and the second one sees it used.
     */
    Optional<RefreshToken> findTokenForRedemption(TokenHash hash);
}
