package dev.microshop.user.domain.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The rules a new password must meet; the current policy comes from configuration at the time of the request. */
public record PasswordPolicy(int minLength, boolean requireDigit, boolean requireLetter) {

    /** BCrypt reads only the first 72 bytes, so a longer password would be silently truncated. */
    public static final int MAX_BYTES = 72;

    public PasswordPolicy {
        if (minLength < 1 || minLength > MAX_BYTES) {
            throw new IllegalArgumentException("minLength must be between 1 and " + MAX_BYTES + ", was " + minLength);
        }
    }

    /** Throws {@link PasswordRejectedException} listing every rule the password breaks. */
    public void check(String password) {
        String candidate = password == null ? "" : password;
        List<String> broken = new ArrayList<>();
        if (candidate.codePointCount(0, candidate.length()) < minLength) {
            broken.add("must be at least " + minLength + " characters long");
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            broken.add("must be at most " + MAX_BYTES + " bytes long");
        }
        if (requireDigit && candidate.codePoints().noneMatch(Character::isDigit)) {
            broken.add("must contain a digit");
        }
        if (requireLetter && candidate.codePoints().noneMatch(Character::isLetter)) {
            broken.add("must contain a letter");
        }
        if (!broken.isEmpty()) {
            throw new PasswordRejectedException(broken);
        }
    }
}
