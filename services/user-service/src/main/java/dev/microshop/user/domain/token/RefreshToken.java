package dev.microshop.user.domain.token;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One refresh token of a family, known only by its hash; it can be redeemed once, before it expires. */
public record RefreshToken(TokenHash hash, UUID familyId, Instant issuedAt, Instant expiresAt, Instant usedAt) {

    public RefreshToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    RefreshToken markUsed(Instant now) {
        return new RefreshToken(hash, familyId, issuedAt, expiresAt, now);
    }
}
