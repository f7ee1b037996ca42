package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signing keys in PostgreSQL, so that they survive restarts and every instance signs and verifies with the same
 * keys. Private keys are stored DER-encoded (PKCS#8) and erased when a key retires.
 */
@Repository
class JdbcSigningKeyRepository implements SigningKeyRepository {

    /** Any fixed number: the advisory lock that makes rotations of all instances take turns. */
    private static final long ROTATION_LOCK = 0x7573657273L;

    private final SigningKeyRows rows;
    private final JdbcAggregateTemplate jdbc;
    private final JdbcClient sql;

    JdbcSigningKeyRepository(SigningKeyRows rows, JdbcAggregateTemplate jdbc, JdbcClient sql) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.sql = sql;
    }

    @Override
    public void lockForRotation() {
        sql.sql("SELECT pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query((rs, rowNum) -> 1).list();
    }

    @Override
    public Optional<SigningKey> findActive() {
        return rows.findByRetiredAtIsNull().map(JdbcSigningKeyRepository::toKey);
    }

    @Override
    public List<SigningKey> findAll() {
        return rows.findAllByOrderByCreatedAtDesc().stream().map(JdbcSigningKeyRepository::toKey).toList();
    }

    @Override
    public void add(SigningKey key) {
        jdbc.insert(toRow(key));
    }

    @Override
    public void update(SigningKey key) {
        jdbc.update(toRow(key));
    }

    @Override
    public int removeRetiredBefore(Instant cutoff) {
        return sql.sql("DELETE FROM signing_keys WHERE retired_at <= ?").param(cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }

    private static SigningKeyRow toRow(SigningKey key) {
        return new SigningKeyRow(key.kid(), key.publicKey().getEncoded(),
                key.privateKey() == null ? null : key.privateKey().getEncoded(), key.createdAt(), key.retiredAt());
    }

    private static SigningKey toKey(SigningKeyRow row) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(row.publicKey()));
            RSAPrivateKey privateKey = row.privateKey() == null ? null
                    : (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(row.privateKey()));
            return new SigningKey(row.kid(), publicKey, privateKey, row.createdAt(), row.retiredAt());
        } catch (GeneralSecurityException corrupt) {
            throw new IllegalStateException("signing key " + row.kid() + " cannot be decoded", corrupt);
        }
    }
}
