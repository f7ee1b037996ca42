package dev.microshop.user.infrastructure.persistence;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Queries on {@code refresh_tokens}. */
interface RefreshTokenRows extends Repository<RefreshTokenRow, String> {

    @Query("SELECT * FROM refresh_tokens WHERE token_hash = :tokenHash FOR UPDATE")
    Optional<RefreshTokenRow> findByTokenHashForUpdate(String tokenHash);
}
