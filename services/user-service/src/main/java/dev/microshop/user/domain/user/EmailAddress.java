package dev.microshop.user.domain.user;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address in its canonical spelling ({@link EmailSpelling#canonical}), so that two spellings of the same
 * address can never belong to two accounts, nor count as two addresses anywhere else.
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits a forward path to 254 characters. */
    public static final int MAX_LENGTH = 254;

    // Deliberately loose: one '@', something on both sides, a dot in the domain. Ownership is proven by mail, not
    // regex.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        if (value == null
                || value.length() > MAX_LENGTH
                || !SHAPE.matcher(value).matches()
                || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidUserDetailsException("email", "must be a valid email address");
        }
    }

    /** The address a person typed, in its canonical spelling. */
    public static EmailAddress of(String raw, EmailSpelling spelling) {
        Objects.requireNonNull(spelling, "spelling");
        if (raw == null || raw.isBlank()) {
            throw new InvalidUserDetailsException("email", "must not be blank");
        }
        return new EmailAddress(spelling.canonical(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
