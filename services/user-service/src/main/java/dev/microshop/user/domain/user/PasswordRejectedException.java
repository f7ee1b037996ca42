package dev.microshop.user.domain.user;

import java.util.List;

/** A new password breaks the password policy; {@link #brokenRules()} says how. */
public class PasswordRejectedException extends IllegalArgumentException {

    private final List<String> brokenRules;

    public PasswordRejectedException(List<String> brokenRules) {
        super("Password " + String.join(", ", brokenRules));
        this.brokenRules = List.copyOf(brokenRules);
    }

    public List<String> brokenRules() {
        return brokenRules;
    }
}
