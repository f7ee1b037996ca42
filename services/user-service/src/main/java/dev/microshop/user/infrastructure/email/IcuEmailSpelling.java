package dev.microshop.user.infrastructure.email;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import dev.microshop.user.domain.user.EmailSpelling;
import org.springframework.stereotype.Component;

/**
 * E-mail spelling by ICU4J: NFKC with full case folding for the canonical spelling (so {@code \u017f} is {@code s}
 * and fullwidth letters are plain ones), and UTS #39 confusable skeletons for look-alikes (so {@code \u0131},
 * Cyrillic {@code \u0430} or {@code rn} look like {@code i}, {@code a} and {@code m}).
 */
@Component
class IcuEmailSpelling implements EmailSpelling {

    private final Normalizer2 nfkcCasefold = Normalizer2.getNFKCCasefoldInstance();
    // Checking one string is thread-safe once built.
    private final SpoofChecker spoofChecker = new SpoofChecker.Builder().build();

    @Override
    public String canonical(String raw) {
        return nfkcCasefold.normalize(raw.strip());
    }

    @Override
    public String lookAlikeKey(String canonical) {
        return spoofChecker.getSkeleton(canonical);
    }
}
