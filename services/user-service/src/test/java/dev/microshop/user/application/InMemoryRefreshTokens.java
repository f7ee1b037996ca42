package dev.microshop.user.application;

import dev.microshop.user.domain.token.RefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.TokenHash;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens in maps; families are copied on the way in and out, as a database would. */
class InMemoryRefreshTokens implements RefreshTokenRepository {

    final Map<UUID, RefreshTokenFamily> families = new HashMap<>();
    final Map<TokenHash, RefreshToken> tokens = new HashMap<>();

    @Override
    public void addFamily(RefreshTokenFamily family) {
        families.put(family.id(), copy(family));
    }

    @Override
    public void updateFamily(RefreshTokenFamily family) {
        families.put(family.id(), copy(family));
    }

    @Override
    public Optional<RefreshTokenFamily> findFamily(UUID familyId) {
        return Optional.ofNullable(families.get(familyId)).map(InMemoryRefreshTokens::copy);
    }

    @Override
    public void addToken(RefreshToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public void updateToken(RefreshToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public Optional<RefreshToken> findTokenForRedemption(TokenHash hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    private static RefreshTokenFamily copy(RefreshTokenFamily family) {
        return new RefreshTokenFamily(family.id(), family.userId(), family.startedAt(), family.revokedAt());
    }
}
