package dev.microshop.user.infrastructure.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Queries on {@code refresh_token_families}. */
interface RefreshTokenFamilyRows extends Repository<RefreshTokenFamilyRow, UUID> {

    Optional<RefreshTokenFamilyRow> findById(UUID id);
}
