package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.token.RefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.TokenHash;
import dev.microshop.user.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.stereotype.Repository;

/** Refresh token families and token hashes in PostgreSQL. */
@Repository
class JdbcRefreshTokenRepository implements RefreshTokenRepository {

    private final RefreshTokenFamilyRows families;
    private final RefreshTokenRows tokens;
    private final JdbcAggregateTemplate jdbc;

    JdbcRefreshTokenRepository(RefreshTokenFamilyRows families, RefreshTokenRows tokens, JdbcAggregateTemplate jdbc) {
        this.families = families;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Override
    public void addFamily(RefreshTokenFamily family) {
        jdbc.insert(toRow(family));
    }

    @Override
    public void updateFamily(RefreshTokenFamily family) {
        jdbc.update(toRow(family));
    }

    @Override
    public Optional<RefreshTokenFamily> findFamily(UUID familyId) {
        return families.findById(familyId).map(row ->
                new RefreshTokenFamily(row.id(), new UserId(row.userId()), row.startedAt(), row.revokedAt()));
    }

    @Override
    public void addToken(RefreshToken token) {
        jdbc.insert(toRow(token));
    }

    @Override
    public void updateToken(RefreshToken token) {
        jdbc.update(toRow(token));
    }

    @Override
    public Optional<RefreshToken> findTokenForRedemption(TokenHash hash) {
        return tokens.findByTokenHashForUpdate(hash.value()).map(row -> new RefreshToken(new TokenHash(row.tokenHash()),
                row.familyId(), row.issuedAt(), row.expiresAt(), row.usedAt()));
    }

    private static RefreshTokenFamilyRow toRow(RefreshTokenFamily family) {
        return new RefreshTokenFamilyRow(family.id(), family.userId().value(), family.startedAt(), family.revokedAt());
    }

    private static RefreshTokenRow toRow(RefreshToken token) {
        return new RefreshTokenRow(token.hash().value(), token.familyId(), token.issuedAt(), token.expiresAt(),
                token.usedAt());
    }
}
