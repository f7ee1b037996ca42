package dev.microshop.user.domain.user;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address in its normalized form (trimmed, lower case), so that two spellings of the same
 * address can never belong to two accounts.
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits a forward path to 254 characters. */
    public static final int MAX_LENGTH = 254;

    // Deliberately loose: one '@', something on both sides, a dot in the domain. Ownership is proven by mail, not regex.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    public EmailAddress {
        if (value == null || !value.equals(normalize(value)) || value.length() > MAX_LENGTH
                || !SHAPE.matcher(value).matches()) {
            throw new InvalidUserDetailsException("email", "must be a valid email address");
        }
    }

    public static EmailAddress of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidUserDetailsException("email", "must not be blank");
        }
        return new EmailAddress(normalize(raw));
    }

    private static String normalize(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
