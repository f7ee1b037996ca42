package dev.microshop.user.infrastructure.persistence;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code signing_keys}: DER-encoded keys (X.509 public, PKCS#8 private, the latter null once retired). */
@Table("signing_keys")
record SigningKeyRow(@Id String kid, byte[] publicKey, byte[] privateKey, Instant createdAt, Instant retiredAt) {
}
