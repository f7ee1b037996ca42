package dev.microshop.inventory.domain.product;

import java.math.BigDecimal;
import java.util.Objects;

/** Something the shop sells: what it is called and what one unit costs. Its stock is a {@code StockLevel}. */
public record Product(ProductId id, Sku sku, String name, String description, Money price) {

    /** The catalog is priced in one currency, so an order's total never mixes currencies. */
    public static final String CURRENCY = "EUR";

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 2000;

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(price, "price");
    }

    /** A new product as an administrator describes it; every rule of the catalog is checked here. */
    public static Product create(
            ProductId id, Sku sku, String name, String description, BigDecimal amount, String currency) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
            throw new InvalidProductException("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanDescription.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidProductException(
                    "description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return new Product(id, sku, cleanName, cleanDescription, price(amount, currency));
    }

    /** The same product (id and SKU never change) as an administrator describes it now, under the same rules. */
    public Product revised(String newName, String newDescription, BigDecimal amount, String currency) {
        return create(id, sku, newName, newDescription, amount, currency);
    }

    private static Money price(BigDecimal amount, String currency) {
        if (!CURRENCY.equals(currency)) {
            throw new InvalidProductException("price.currency", "the catalog is priced in " + CURRENCY);
        }
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidProductException("price.amount", "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidProductException("price.amount", "must be whole cents (at most two decimal places)");
        }
        if (amount.compareTo(new BigDecimal("1000000")) >= 0) {
            throw new InvalidProductException("price.amount", "must be less than 1000000");
        }
        return new Money(amount.setScale(2), currency);
    }
}
