package dev.microshop.user.infrastructure.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code refresh_token_families}. */
@Table("refresh_token_families")
record RefreshTokenFamilyRow(@Id UUID id, UUID userId, Instant startedAt, Instant revokedAt) {
}
