package dev.microshop.user.application.signingkey;

import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Instant;

/** The steps every rotation takes, whoever asks for it; callers hold the rotation lock. */
final class KeyRotation {

    private KeyRotation() {}

    /** Retires the active key, activates a new one and forgets the keys no unexpired token can use any more. */
    static SigningKeyRotation rotate(SigningKeyRepository keys, TokenSettings settings, Instant now) {
        String retiredKid = keys.findActive()
                .map(active -> {
                    keys.update(active.retire(now));
                    return active.kid();
                })
                .orElse(null);
        SigningKey next = SigningKey.generate(now);
        keys.add(next);
        return new SigningKeyRotation(next, retiredKid, prune(keys, settings, now));
    }

    /**
     * Forgets the retired keys that the JWKS no longer publishes, so however often keys rotate the table and the JWKS
     * hold at most the keys of the last access-token lifetime (plus margin).
     */
    static int prune(SigningKeyRepository keys, TokenSettings settings, Instant now) {
        return keys.removeRetiredBefore(
                now.minus(settings.accessTokenLifetime()).minus(settings.signingKeyPublicationMargin()));
    }
}
