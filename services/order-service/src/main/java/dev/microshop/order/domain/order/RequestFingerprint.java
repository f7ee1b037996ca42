package dev.microshop.order.domain.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an order request asked for, as a SHA-256, stored with its idempotency key so that the key can only replay
 * the same request. Two requests are the same when they ask for the same quantity of each product and the same
 * payment method: the order of the items does not matter, and two lines of one product count as one line with
 * their quantities added up, just as the order itself stores them. Prices are not part of it (the shopper does
 * not send them).
 * <p>
 * The canonical form hashed is {@code <payment method>|<product id>=<quantity>,...}, product ids in lower case
 * sorted by their text; migration V2 computes the same form in SQL for orders stored before fingerprints were.
 */
public record RequestFingerprint(String value) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public RequestFingerprint {
        if (value == null || !SHA_256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("a request fingerprint is a SHA-256 in lower-case hex");
        }
    }

    /** The fingerprint of a request for {@code quantities} of the products (summed per product) paid with {@code paymentMethod}. */
    public static RequestFingerprint of(Map<ProductId, Integer> quantities, PaymentMethod paymentMethod) {
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        var sorted = new TreeMap<String, Integer>();
        quantities.forEach((product, quantity) -> sorted.put(product.toString(), quantity));
        String canonical = paymentMethod.value() + "|"
                + sorted.entrySet().stream()
                        .map(item -> item.getKey() + "=" + item.getValue())
                        .collect(Collectors.joining(","));
        return new RequestFingerprint(HexFormat.of().formatHex(sha256(canonical)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}
