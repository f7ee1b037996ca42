package dev.microshop.user.application.signingkey;

import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a new key the active one now, on an administrator's request; the previous key retires but stays published
 * while its tokens live. At most one rotation per minimum interval, so that the published keys stay few.
 */
@Service
public class RotateSigningKey {

    private final SigningKeyRepository keys;
    private final TokenSettings settings;
    private final Clock clock;

    public RotateSigningKey(SigningKeyRepository keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** Throws {@link SigningKeyRotationTooSoonException} if the active key is younger than the minimum interval. */
    @Transactional
    public SigningKeyRotation rotate() {
        keys.lockForRotation();
        Instant now = clock.instant();
        Duration tooSoonBy = keys.findActive()
                .map(active -> active.replaceableIn(now, settings.signingKeyMinimumRotationInterval()))
                .orElse(Duration.ZERO);
        if (tooSoonBy.isPositive()) {
            throw new SigningKeyRotationTooSoonException(tooSoonBy);
        }
        return KeyRotation.rotate(keys, settings, now);
    }
}
