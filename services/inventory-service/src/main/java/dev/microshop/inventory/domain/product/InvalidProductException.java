package dev.microshop.inventory.domain.product;

/** A product's details break a catalog rule; {@code field} says which detail. */
public class InvalidProductException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    public InvalidProductException(String field, String problem) {
        super("Invalid " + field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
