package dev.microshop.user.application.signingkey;

import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotates the signing key when the active one has reached the rotation period, or when there is none yet, and forgets
 * retired keys that no unexpired token can use.
 */
@Service
public class RotateSigningKeyWhenDue {

    private final SigningKeyRepository keys;
    private final TokenSettings settings;
    private final Clock clock;

    public RotateSigningKeyWhenDue(SigningKeyRepository keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The rotation, if one was due. */
    @Transactional
    public Optional<SigningKeyRotation> rotateIfDue() {
        // Lock before looking, so that of several instances checking at once only the first one rotates.
        keys.lockForRotation();
        Instant now = clock.instant();
        boolean due = keys.findActive()
                .map(active -> active.isDueForRotation(now, settings.signingKeyRotationPeriod()))
                .orElse(true);
        if (!due) {
            KeyRotation.prune(keys, settings, now);
            return Optional.empty();
        }
        return Optional.of(KeyRotation.rotate(keys, settings, now));
    }
}
