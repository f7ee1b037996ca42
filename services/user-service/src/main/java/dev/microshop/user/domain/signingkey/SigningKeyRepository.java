package dev.microshop.user.domain.signingkey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The signing keys, kept so that they survive restarts and are shared by every instance. */
public interface SigningKeyRepository {

    /** Serializes rotations across instances until the current transaction ends. */
    void lockForRotation();

    Optional<SigningKey> findActive();

    List<SigningKey> findAll();

    void add(SigningKey key);

    /** Stores the key's retirement. */
    void update(SigningKey key);

    /** Forgets the keys retired at or before {@code cutoff}: no unexpired token can use them. Returns how many. */
    int removeRetiredBefore(Instant cutoff);
}
