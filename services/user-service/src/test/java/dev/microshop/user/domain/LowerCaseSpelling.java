package dev.microshop.user.domain;

import dev.microshop.user.domain.user.EmailSpelling;
import java.util.Locale;

/**
 * A stand-in spelling for rules that do not depend on Unicode: lower case, every address its own look-alike key.
 * The real one ({@code IcuEmailSpelling}) has tests of its own.
 */
public final class LowerCaseSpelling implements EmailSpelling {

    public static final EmailSpelling INSTANCE = new LowerCaseSpelling();

    private LowerCaseSpelling() {}

    @Override
    public String canonical(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String lookAlikeKey(String canonical) {
        return canonical;
    }
}
