package dev.microshop.user.infrastructure.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code refresh_tokens}: the token's hash, never the token. */
@Table("refresh_tokens")
record RefreshTokenRow(@Id String tokenHash, UUID familyId, Instant issuedAt, Instant expiresAt, Instant usedAt) {
}
