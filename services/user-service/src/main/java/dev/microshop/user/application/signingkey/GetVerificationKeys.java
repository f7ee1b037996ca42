package dev.microshop.user.application.signingkey;

import dev.microshop.user.application.port.TokenSettings;
import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The keys a token may currently be signed with: the active one and retired ones whose tokens may still live. */
@Service
public class GetVerificationKeys {

    private final SigningKeyRepository keys;
    private final TokenSettings settings;
    private final Clock clock;

    public GetVerificationKeys(SigningKeyRepository keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SigningKey> list() {
        Instant now = clock.instant();
        Duration tokenLifetime = settings.accessTokenLifetime().plus(settings.signingKeyPublicationMargin());
        return keys.findAll().stream()
                .filter(key -> key.mayVerifyTokensAt(now, tokenLifetime))
                .toList();
    }
}
