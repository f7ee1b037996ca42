package dev.microshop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench's accounts: a pool of shoppers and one administrator, signed up once and reused by every later run
 * (they live in the system's data like any account). The administrator refills the stock before a run, so that no
 * order fails for lack of it, and reads every order afterwards.
 */
final class BenchAccounts {

    static final String ADMIN = "bench-admin@bench.microshop.local";
    static final String PASSWORD = "bench-password-1";
    /** Every product's available units before a run: far more than a run can sell. */
    private static final int STOCK = 1_000_000;

    private BenchAccounts() {}

    static String shopper(int index) {
        return "bench-shopper-" + index + "@bench.microshop.local";
    }

    /** Signs the administrator up and has the operator grant it ADMIN ({@code ./microshop admin grant}); its token. */
    static String administrator(Shop shop, Path home) throws IOException, InterruptedException {
        shop.signUp(ADMIN, PASSWORD);
        Process grant = new ProcessBuilder(home.resolve("microshop").toString(), "admin", "grant", ADMIN)
                .directory(home.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (grant.waitFor() != 0) {
            throw new IllegalStateException("./microshop admin grant " + ADMIN + " failed");
        }
        return shop.accessToken(ADMIN, PASSWORD); // a token issued after the grant carries the role
    }

    /** Access tokens of {@code count} shoppers, signed up if they are new. */
    static List<String> shopperTokens(Shop shop, int count) throws IOException, InterruptedException {
        List<String> tokens = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            shop.signUp(shopper(index), PASSWORD);
            tokens.add(shop.accessToken(shopper(index), PASSWORD));
        }
        return tokens;
    }

    /** Sets every product's stock to far more than a run sells; the product ids. */
    static List<String> refillStock(Shop shop, String adminToken) throws IOException, InterruptedException {
        List<String> products = shop.productIds();
        for (String product : products) {
            shop.setAvailable(adminToken, product, STOCK);
        }
        return products;
    }
}
