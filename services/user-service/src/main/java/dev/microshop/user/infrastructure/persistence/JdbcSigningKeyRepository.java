package dev.microshop.user.infrastructure.persistence;

import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Signing keys in PostgreSQL, so that they survive restarts and every instance signs and verifies with the same
 * keys. Keys are stored DER-encoded (X.509 public, PKCS#8 private); the private key is erased when a key retires.
 */
@Repository
class JdbcSigningKeyRepository implements SigningKeyRepository {

    /** Any fixed number: the advisory lock that makes rotations of all instances take turns. */
    private static final long ROTATION_LOCK = 0x7573657273L;

    private static final String KEYS = "SELECT kid, public_key, private_key, created_at, retired_at FROM signing_keys";

    private final JdbcClient jdbc;

    JdbcSigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockForRotation() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)")
                .param(ROTATION_LOCK)
                .query((rs, rowNum) -> 1)
                .list();
    }

    @Override
    public Optional<SigningKey> findActive() {
        return jdbc.sql(KEYS + " WHERE retired_at IS NULL")
                .query(JdbcSigningKeyRepository::toKey)
                .optional();
    }

    @Override
    public List<SigningKey> findAll() {
        return jdbc.sql(KEYS + " ORDER BY created_at DESC")
                .query(JdbcSigningKeyRepository::toKey)
                .list();
    }

    @Override
    public void add(SigningKey key) {
        jdbc.sql("""
                INSERT INTO signing_keys (kid, public_key, private_key, created_at, retired_at)
                VALUES (:kid, :publicKey, :privateKey, :createdAt, :retiredAt)""")
                .param("kid", key.kid())
                .param("publicKey", key.publicKey().getEncoded())
                .param("privateKey", privateKey(key))
                .param("createdAt", Timestamps.of(key.createdAt()))
                .param("retiredAt", Timestamps.of(key.retiredAt()))
                .update();
    }

    @Override
    public void update(SigningKey key) {
        int updated = jdbc.sql("""
                        UPDATE signing_keys SET private_key = :privateKey, retired_at = :retiredAt WHERE kid = :kid""")
                .param("privateKey", privateKey(key))
                .param("retiredAt", Timestamps.of(key.retiredAt()))
                .param("kid", key.kid())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Signing key " + key.kid() + " was not stored before");
        }
    }

    @Override
    public int removeRetiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM signing_keys WHERE retired_at <= :cutoff")
                .param("cutoff", Timestamps.of(cutoff))
                .update();
    }

    private static byte[] privateKey(SigningKey key) {
        return key.privateKey() == null ? null : key.privateKey().getEncoded();
    }

    private static SigningKey toKey(ResultSet row, int rowNumber) throws SQLException {
        String kid = row.getString("kid");
        byte[] privateDer = row.getBytes("private_key");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey =
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(row.getBytes("public_key")));
            RSAPrivateKey privateKey = privateDer == null
                    ? null
                    : (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            return new SigningKey(
                    kid, publicKey, privateKey, Timestamps.read(row, "created_at"), Timestamps.read(row, "retired_at"));
        } catch (GeneralSecurityException corrupt) {
            throw new IllegalStateException("signing key " + kid + " cannot be decoded", corrupt);
        }
    }
}
