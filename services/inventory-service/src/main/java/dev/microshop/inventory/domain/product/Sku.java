package dev.microshop.inventory.domain.product;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The stock-keeping unit a merchant knows a product by; unique in the catalog regardless of case. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");

    public Sku {
        Objects.requireNonNull(value, "value");
    }

    /** Reads a SKU as typed: surrounding blanks are dropped and letters upper-cased. */
    public static Sku of(String text) {
        String normalized = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(normalized).matches()) {
            throw new InvalidProductException(
                    "sku", "must be 3 to 40 letters, digits or dashes, starting with a letter or digit");
        }
        return new Sku(normalized);
    }

    @Override
    public String toString() {
        return value;
    }
}
