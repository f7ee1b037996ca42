package dev.microshop.user.application.signingkey;

import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes a new key the active one now; the previous key retires but stays published while its tokens live. */
@Service
public class RotateSigningKey {

    private final SigningKeyRepository keys;
    private final Clock clock;

    public RotateSigningKey(SigningKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public SigningKey rotate() {
        keys.lockForRotation();
        Instant now = clock.instant();
        keys.findActive().ifPresent(active -> keys.update(active.retire(now)));
        SigningKey next = SigningKey.generate(now);
        keys.add(next);
        return next;
    }
}
