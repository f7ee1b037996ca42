package dev.microshop.user.domain.user;

/** The name a shopper wants to be addressed by: 1 to 100 visible characters, surrounding spaces removed. */
public record UserName(String value) {

    public static final int MAX_LENGTH = 100;

    public UserName {
        if (value == null || value.isBlank()) {
            throw new InvalidUserDetailsException("name", "must not be blank");
        }
        if (!value.equals(value.strip())) {
            throw new InvalidUserDetailsException("name", "must not start or end with spaces");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidUserDetailsException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidUserDetailsException("name", "must not contain control characters");
        }
    }

    public static UserName of(String raw) {
        return new UserName(raw == null ? null : raw.strip());
    }

    @Override
    public String toString() {
        return value;
    }
}
