package dev.microshop.user.infrastructure.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Queries on {@code signing_keys}. */
interface SigningKeyRows extends Repository<SigningKeyRow, String> {

    Optional<SigningKeyRow> findByRetiredAtIsNull();

    List<SigningKeyRow> findAllByOrderByCreatedAtDesc();
}
