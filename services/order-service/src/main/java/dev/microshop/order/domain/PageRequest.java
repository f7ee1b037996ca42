package dev.microshop.order.domain;

/** Which slice of a long list to read: page {@code number} (from 0) of {@code size} entries. */
public record PageRequest(int number, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (number < 0) {
            throw new IllegalArgumentException("page number must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) number * size;
    }
}
