package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.token.RefreshToken;
import dev.microshop.user.domain.token.RefreshTokenFamily;
import dev.microshop.user.domain.token.RefreshTokenRepository;
import dev.microshop.user.domain.token.TokenHash;
import dev.microshop.user.domain.user.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh token families and token hashes in PostgreSQL. */
@Repository
class JdbcRefreshTokenRepository implements RefreshTokenRepository {

    private final JdbcClient jdbc;

    JdbcRefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addFamily(RefreshTokenFamily family) {
        jdbc.sql("""
                INSERT INTO refresh_token_families (id, user_id, started_at, revoked_at)
                VALUES (:id, :userId, :startedAt, :revokedAt)""")
                .param("id", family.id())
                .param("userId", family.userId().value())
                .param("startedAt", Timestamps.of(family.startedAt()))
                .param("revokedAt", Timestamps.of(family.revokedAt()))
                .update();
    }

    @Override
    public void updateFamily(RefreshTokenFamily family) {
        int updated = jdbc.sql("UPDATE refresh_token_families SET revoked_at = :revokedAt WHERE id = :id")
                .param("revokedAt", Timestamps.of(family.revokedAt()))
                .param("id", family.id())
                .update();
        requireStored(updated, "Refresh token family " + family.id());
    }

    @Override
    public Optional<RefreshTokenFamily> findFamily(UUID familyId) {
        return jdbc.sql("SELECT id, user_id, started_at, revoked_at FROM refresh_token_families WHERE id = :id")
                .param("id", familyId)
                .query((row, rowNumber) -> new RefreshTokenFamily(
                        row.getObject("id", UUID.class),
                        new UserId(row.getObject("user_id", UUID.class)),
                        Timestamps.read(row, "started_at"),
                        Timestamps.read(row, "revoked_at")))
                .optional();
    }

    @Override
    public void addToken(RefreshToken token) {
        jdbc.sql("""
                INSERT INTO refresh_tokens (token_hash, family_id, issued_at, expires_at, used_at)
                VALUES (:tokenHash, :familyId, :issuedAt, :expiresAt, :usedAt)""")
                .param("tokenHash", token.hash().value())
                .param("familyId", token.familyId())
                .param("issuedAt", Timestamps.of(token.issuedAt()))
                .param("expiresAt", Timestamps.of(token.expiresAt()))
                .param("usedAt", Timestamps.of(token.usedAt()))
                .update();
    }

    @Override
    public void updateToken(RefreshToken token) {
        int updated = jdbc.sql("UPDATE refresh_tokens SET used_at = :usedAt WHERE token_hash = :tokenHash")
                .param("usedAt", Timestamps.of(token.usedAt()))
                .param("tokenHash", token.hash().value())
                .update();
        requireStored(updated, "A refresh token of family " + token.familyId());
    }

    @Override
    public Optional<RefreshToken> findTokenForRedemption(TokenHash hash) {
        return jdbc.sql("""
                SELECT token_hash, family_id, issued_at, expires_at, used_at FROM refresh_tokens
                WHERE token_hash = :tokenHash FOR UPDATE""")
                .param("tokenHash", hash.value())
                .query((row, rowNumber) -> new RefreshToken(
                        new TokenHash(row.getString("token_hash")),
                        row.getObject("family_id", UUID.class),
                        Timestamps.read(row, "issued_at"),
                        Timestamps.read(row, "expires_at"),
                        Timestamps.read(row, "used_at")))
                .optional();
    }

    private static void requireStored(int updated, String what) {
        if (updated != 1) {
            throw new IllegalStateException(what + " was not stored before");
        }
    }
}
