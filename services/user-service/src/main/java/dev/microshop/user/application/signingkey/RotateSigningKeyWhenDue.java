package dev.microshop.user.application.signingkey;

import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rotates the signing key when the active one has reached the rotation period, or when there is none yet. */
@Service
public class RotateSigningKeyWhenDue {

    private final SigningKeyRepository keys;
    private final RotateSigningKey rotateSigningKey;
    private final TokenSettings settings;
    private final Clock clock;

    public RotateSigningKeyWhenDue(SigningKeyRepository keys, RotateSigningKey rotateSigningKey,
                                   TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.rotateSigningKey = rotateSigningKey;
        this.settings = settings;
        this.clock = clock;
    }

    /** Returns whether a new key was made active. */
    @Transactional
    public boolean rotateIfDue() {
        // Lock before looking, so that of several instances checking at once only the first one rotates.
        keys.lockForRotation();
        boolean due = keys.findActive()
                .map(active -> active.isDueForRotation(clock.instant(), settings.signingKeyRotationPeriod()))
                .orElse(true);
        if (due) {
            rotateSigningKey.rotate();
        }
        return due;
    }
}
