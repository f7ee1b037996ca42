package dev.microshop.inventory.domain.product;

import java.util.Optional;

/**
 * What a shopper searches the catalog for: words that must all appear, in any case, in a product's name,
 * description or SKU. No words: the whole catalog.
 */
public record CatalogSearch(String text) {

    public static final int MAX_LENGTH = 100;
    public static final CatalogSearch EVERYTHING = new CatalogSearch("");

    public CatalogSearch {
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            throw new InvalidProductException("q", "a search is at most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidProductException("q", "a search holds no control characters");
        }
    }

    /** The words to find, when there are any. */
    public Optional<String[]> words() {
        return text.isEmpty() ? Optional.empty() : Optional.of(text.split(" "));
    }
}
