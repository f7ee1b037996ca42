package dev.microshop.systemtests;

import static dev.microshop.systemtests.Microshop.GATEWAY;
import static dev.microshop.systemtests.Microshop.await;
import static dev.microshop.systemtests.Microshop.get;
import static dev.microshop.systemtests.Microshop.json;
import static dev.microshop.systemtests.Microshop.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * What protects the system from hostile or careless clients, tried from outside on one running system: token
 * checks at the gateway and at each service, spoofed internal headers, SQL injection, malformed and oversized
 * requests, rate limits changed at runtime, log-in lockout, and a failing payment provider. The tests run in order:
 * the first raises the log-in rate limit that the later ones would otherwise run into.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayProtectionsSystemTest {

    private static final String USER_SERVICE = "http://127.0.0.1:8101";
    private static final String ORDER_SERVICE = "http://127.0.0.1:8103";
    private static final String PAYMENT_METRICS = "http://127.0.0.1:18104/actuator/prometheus";
    /** Main port -> management port (+ 10000) of every Spring process the launcher starts. */
    private static final Map<Integer, Integer> MANAGEMENT_PORTS = Map.of(
            8080, 18080, 8101, 18101, 8102, 18102, 8103, 18103, 8104, 18104, 8105, 18105, 8761, 18761, 8888, 18888,
            8190, 18190);

    private static final String PROVIDER_FAULTS = "http://127.0.0.1:8190/admin/faults";
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE orders;--");
    private static final int LOG_IN_LIMIT_PER_MINUTE = 10;
    private static final int RAISED_LOG_IN_LIMIT = 1000;
    /** In an expected status: any 4xx will do. */
    private static final int ANY_CLIENT_ERROR = 0;

    private static Shopper admin;
    private static Shopper shopper;

    @BeforeAll
    static void startSystem() throws Exception {
        Microshop.run("down");
        Microshop.copyConfig();
        Microshop.CommandResult up = Microshop.up();
        System.out.printf(
                "[figure] ./microshop up (all services) took %.1f s%n",
                up.took().toMillis() / 1000.0);
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void stopSystem() {
        Microshop.run("down");
    }

    /**
     * Runs first, from an address of its own (127.0.0.7) so that no other log-in of this class has used its bucket:
     * exactly the shipped limit passes, then 429. Raising the limit in config/ then reaches the running gateway; it is
     * raised even when a check before fails, so that the later tests (sign-ups, lockout) are not limited.
     */
    @Test
    @Order(1)
    void log_ins_from_one_address_are_limited_per_minute_and_a_raised_limit_applies_without_restart() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        HttpClient attacker = Microshop.clientFrom("127.0.0.7");
        Instant start = Instant.now();
        int passed = 0;
        HttpResponse<String> limited = null;
        for (int attempt = 0; attempt < LOG_IN_LIMIT_PER_MINUTE + 5 && limited == null; attempt++) {
            HttpResponse<String> response = Microshop.send(attacker, wrongLogIn(Map.of()));
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                softly.assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                passed++;
            }
        }
        Duration burst = Duration.between(start, Instant.now());
        System.out.printf(
                "[figure] log-in burst from 127.0.0.7: %d passed, then %s, in %.1f s%n",
                passed,
                limited == null
                        ? "no 429"
                        : "429 Retry-After "
                                + limited.headers().firstValue("Retry-After").orElse("-"),
                burst.toMillis() / 1000.0);
        softly.assertThat(limited)
                .as("a 429 within " + (LOG_IN_LIMIT_PER_MINUTE + 5) + " log-ins")
                .isNotNull();
        if (limited != null) {
            // The bucket refills one token every 6 s: a slow burst may earn one more.
            softly.assertThat(passed)
                    .as("log-ins passed")
                    .isBetween(LOG_IN_LIMIT_PER_MINUTE, LOG_IN_LIMIT_PER_MINUTE + (int) (burst.toSeconds() / 6));
            checkClientErrorProblem(softly, "over the limit", limited);
            softly.assertThat(Long.parseLong(
                            limited.headers().firstValue("Retry-After").orElse("0")))
                    .as("Retry-After")
                    .isBetween(1L, 60L);
            softly.assertThat(limited.headers().firstValue("RateLimit-Limit"))
                    .as("RateLimit-Limit")
                    .hasValue(String.valueOf(LOG_IN_LIMIT_PER_MINUTE));
            softly.assertThat(limited.headers().firstValue("RateLimit-Remaining"))
                    .as("RateLimit-Remaining")
                    .hasValue("0");
            softly.assertThat(limited.headers().firstValue("RateLimit-Reset"))
                    .as("RateLimit-Reset")
                    .isPresent();
            // The key is the connection's address: a forwarded-for header does not buy a fresh bucket.
            HttpResponse<String> spoofed =
                    Microshop.send(attacker, wrongLogIn(Map.of("X-Forwarded-For", "203.0.113.9")));
            softly.assertThat(spoofed.statusCode())
                    .as("with X-Forwarded-For " + spoofed.body())
                    .isEqualTo(429);
        }
        HttpResponse<String> neighbour = Microshop.send(Microshop.clientFrom("127.0.0.8"), wrongLogIn(Map.of()));
        softly.assertThat(neighbour.statusCode())
                .as("another address " + neighbour.body())
                .isEqualTo(401);

        long gatewayPid = Microshop.instance("gateway").get("pid").asLong();
        Instant edited = Instant.now();
        raiseLogInLimit(RAISED_LOG_IN_LIMIT);
        try {
            await(Duration.ofSeconds(45), () -> {
                HttpResponse<String> response = Microshop.send(attacker, wrongLogIn(Map.of()));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                assertThat(response.headers().firstValue("RateLimit-Limit"))
                        .hasValue(String.valueOf(RAISED_LOG_IN_LIMIT));
            });
            System.out.printf(
                    "[figure] raised log-in limit applied by the running gateway %.1f s after the config edit%n",
                    Duration.between(edited, Instant.now()).toMillis() / 1000.0);
        } catch (AssertionError notApplied) {
            softly.fail("the raised log-in limit was not applied within 45 s: " + notApplied.getMessage());
        }
        // The same refresh reached every service: the next tests start once the gateway routes to them again.
        Microshop.awaitRouted();
        softly.assertThat(Microshop.instance("gateway").get("pid").asLong())
                .as("gateway pid")
                .isEqualTo(gatewayPid);
        softly.assertAll();
    }

    /** Each token at each door: every rejection is reported on its own. */
    @Test
    @Order(2)
    void forged_and_defective_tokens_get_401_problem_details_at_the_gateway_and_at_each_service() throws Exception {
        Tokens.SigningKey realKey = Tokens.activeKey();
        Instant now = Instant.now();
        JWTClaimsSet valid = Tokens.claims(shopper().id(), now, now.plus(Duration.ofMinutes(10)));
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put(
                "with a forged signature (right kid, another key)",
                Tokens.signed(Tokens.strangerKey(realKey.kid()), valid));
        badTokens.put("with an unknown kid", Tokens.signed(Tokens.strangerKey("kid-" + UUID.randomUUID()), valid));
        badTokens.put("with alg none", Tokens.unsigned(valid));
        badTokens.put(
                "signed HS256 with the public key as secret",
                Tokens.hmacSignedWithPublicKey(realKey.kid(), Tokens.publishedKey(realKey.kid()), valid));
        badTokens.put(
                "that expired",
                Tokens.signed(
                        realKey,
                        Tokens.claims(
                                shopper().id(), now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(10)))));
        badTokens.put(
                "not valid before 10 minutes from now",
                Tokens.signed(
                        realKey,
                        new JWTClaimsSet.Builder(valid)
                                .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                                .expirationTime(Date.from(now.plus(Duration.ofMinutes(20))))
                                .build()));
        badTokens.put(
                "from another issuer",
                Tokens.signed(
                        realKey,
                        new JWTClaimsSet.Builder(valid).issuer("someone-else").build()));
        badTokens.put(
                "for another audience",
                Tokens.signed(
                        realKey,
                        new JWTClaimsSet.Builder(valid)
                                .audience("another-system")
                                .build()));
        badTokens.put(
                "made ADMIN after signing",
                Tokens.withRolesChangedAfterSigning(shopper().accessToken(), List.of("ADMIN")));
        // Controls: the real token and the same claims signed with the real key pass, so each rejection is about its
        // defect.
        Map<String, String> goodTokens = Map.of(
                "issued at log-in", shopper().accessToken(), "signed with the real key", Tokens.signed(realKey, valid));

        SoftAssertions softly = new SoftAssertions();
        for (String url : List.of(
                GATEWAY + "/api/users/me",
                GATEWAY + "/api/orders",
                USER_SERVICE + "/api/users/me",
                ORDER_SERVICE + "/api/orders")) {
            for (Map.Entry<String, String> good : goodTokens.entrySet()) {
                HttpResponse<String> response = get(url, Map.of("Authorization", "Bearer " + good.getValue()));
                softly.assertThat(response.statusCode())
                        .as(url + " with the token " + good.getKey() + ": " + response.body())
                        .isEqualTo(200);
            }
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                HttpResponse<String> response = get(url, Map.of("Authorization", "Bearer " + bad.getValue()));
                String what = url + " with a token " + bad.getKey();
                softly.assertThat(response.statusCode())
                        .as(what + ": " + response.body())
                        .isEqualTo(401);
                checkClientErrorProblem(softly, what, response);
            }
        }
        softly.assertAll();
    }

    @Test
    @Order(3)
    void internal_headers_sent_by_a_shopper_change_neither_who_they_are_nor_what_they_may_do() {
        Map<String, String> spoofed = new HashMap<>(shopper().bearer());
        spoofed.put("X-User-Id", UUID.randomUUID().toString());
        spoofed.put("X-Roles", "ADMIN");
        spoofed.put("X-Forwarded-User", "admin@microshop.local");

        HttpResponse<String> me = get(GATEWAY + "/api/users/me", spoofed);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).get("id").asString()).isEqualTo(shopper().id());

        long productsBefore = productCount();
        HttpResponse<String> adminOnly =
                post(GATEWAY + "/api/products", newProductBody("SPOOF-" + shortId(), 5), spoofed);
        assertProblem(adminOnly, 403);
        assertThat(productCount()).isEqualTo(productsBefore);
    }

    @Test
    @Order(4)
    void sql_injection_in_paths_queries_and_json_is_a_client_error_and_changes_no_database() throws Exception {
        // Both accounts exist before the rows are counted.
        Map<String, String> shopperToken = shopper().bearer();
        Map<String, String> adminToken = admin().bearer();
        Map<String, Long> rowsBefore = rowCounts();
        long productsBefore = productCount();
        long ordersBefore = orderCount(shopper());
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        for (String injection : INJECTIONS) {
            String inPath = pathSegment(injection);
            String inQuery = URLEncoder.encode(injection, StandardCharsets.UTF_8);
            answers.put("GET product " + injection, get(GATEWAY + "/api/products/" + inPath, Map.of()));
            answers.put("GET products page " + injection, get(GATEWAY + "/api/products?page=" + inQuery, Map.of()));
            answers.put(
                    "POST product sku " + injection,
                    post(GATEWAY + "/api/products", newProductBody(injection, 5), adminToken));
            answers.put("GET order " + injection, get(GATEWAY + "/api/orders/" + inPath, shopperToken));
            answers.put("GET orders size " + injection, get(GATEWAY + "/api/orders?size=" + inQuery, shopperToken));
            answers.put(
                    "POST cancel order " + injection,
                    post(GATEWAY + "/api/orders/" + inPath + "/cancel", Map.of(), shopperToken));
            answers.put(
                    "POST order product id " + injection,
                    post(
                            GATEWAY + "/api/orders",
                            Map.of(
                                    "items",
                                    List.of(Map.of("productId", injection, "quantity", 1)),
                                    "paymentMethod",
                                    "pm-ok"),
                            shopperToken));
            answers.put(
                    "POST sign-up email " + injection,
                    post(
                            GATEWAY + "/api/users",
                            Map.of("email", injection, "name", "Robert Tables", "password", Shopper.PASSWORD),
                            Map.of()));
            answers.put(
                    "POST log-in email and password " + injection,
                    post(GATEWAY + "/api/auth/token", Map.of("email", injection, "password", injection), Map.of()));
            answers.put(
                    "POST log-in a shopper with password " + injection,
                    shopper().logInWith(injection));
        }

        System.out.printf("[figure] SQL injection: %d requests, statuses %s%n", answers.size(), statusCounts(answers));
        SoftAssertions softly = new SoftAssertions();
        answers.forEach((what, response) -> checkClientErrorProblem(softly, what, response));
        softly.assertThat(productCount()).as("products").isEqualTo(productsBefore);
        softly.assertThat(orderCount(shopper())).as("the shopper's orders").isEqualTo(ordersBefore);
        softly.assertThat(rowCounts()).as("rows per table").isEqualTo(rowsBefore);
        softly.assertAll();
    }

    /** Each check is reported on its own, so that one run shows every protection that is missing. */
    @Test
    @Order(5)
    void malformed_oversized_and_hostile_requests_get_client_errors_and_store_nothing() {
        long productsBefore = productCount();
        long ordersBefore = orderCount(shopper());
        String twoMegabytes = "{\"items\":[],\"paymentMethod\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> statuses = new LinkedHashMap<>();

        expectProblem(
                softly,
                statuses,
                "malformed JSON",
                400,
                () -> sendToOrders(
                        "application/json", HttpRequest.BodyPublishers.ofString("{\"items\":[{\"productId\":")));
        expectProblem(
                softly,
                statuses,
                "text/plain body",
                415,
                () -> sendToOrders("text/plain", HttpRequest.BodyPublishers.ofString("two of product 1")));
        expectProblem(
                softly,
                statuses,
                "2 MB body with Content-Length",
                413,
                () -> sendToOrders("application/json", HttpRequest.BodyPublishers.ofString(twoMegabytes)));
        // No Content-Length: the body comes in chunks and must be counted as it arrives.
        expectProblem(
                softly,
                statuses,
                "2 MB chunked body",
                413,
                () -> sendToOrders(
                        "application/json",
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(twoMegabytes.getBytes(StandardCharsets.UTF_8)))));
        expectProblem(
                softly,
                statuses,
                "20 KB cookie",
                431,
                () -> get(GATEWAY + "/api/products", Map.of("Cookie", "session=" + "c".repeat(20 * 1024))));
        for (String path : List.of(
                "/api/../actuator/env",
                "/api/products/%2e%2e/%2e%2e",
                "/api/products/%2e%2e/%2e%2e/actuator/env",
                "/api/products/..%2f..%2factuator%2fenv",
                "/api/products/%00",
                "/api/products?page=" + "9".repeat(16 * 1024))) {
            String what = path.length() > 60 ? path.substring(0, 60) + "..." : path;
            HttpResponse<String> hostile = expectStatus(
                    softly,
                    statuses,
                    what,
                    ANY_CLIENT_ERROR,
                    () -> get(GATEWAY + path, shopper().bearer()));
            if (hostile != null) {
                checkClientErrorProblem(softly, what, hostile);
                softly.assertThat(hostile.body()).as(what).doesNotContain("propertySources");
            }
        }
        System.out.printf("[figure] malformed and hostile requests: %s%n", statuses);
        softly.assertThat(productCount()).as("products").isEqualTo(productsBefore);
        softly.assertThat(orderCount(shopper())).as("the shopper's orders").isEqualTo(ordersBefore);
        softly.assertAll();
    }

    /**
     * Five wrong passwords from one address lock that address out of the account, and only that one: the owner, logging
     * in from another address, is not locked out by an attacker (the gateway tells user-service the client's address).
     */
    @Test
    @Order(6)
    void five_wrong_passwords_lock_out_the_address_they_came_from_but_not_the_owner_elsewhere() {
        Shopper target = Shopper.signUp();
        HttpClient attacker = Microshop.clientFrom("127.0.0.10");
        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = Microshop.send(attacker, logIn(target.email(), "wrong-password-" + attempt));
            assertThat(wrong.statusCode())
                    .as("wrong password " + attempt + ": " + wrong.body())
                    .isEqualTo(401);
        }

        HttpResponse<String> locked = Microshop.send(attacker, logIn(target.email(), Shopper.PASSWORD));
        assertProblem(locked, 423);
        long retryAfter =
                Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
        assertThat(retryAfter).isPositive();
        assertThat(locked.body()).doesNotContainIgnoringCase("accessToken");
        System.out.printf(
                "[figure] 5 wrong passwords from 127.0.0.10: that address gets 423, Retry-After %d s%n", retryAfter);

        HttpResponse<String> owner = target.logIn();
        assertThat(owner.statusCode())
                .as("the owner from 127.0.0.1: " + owner.body())
                .isEqualTo(200);
    }

    /**
     * The provider fails every call: orders are cancelled (not stuck), the breaker opens so later payments fail fast
     * instead of each holding a thread, and once the provider is back an order is confirmed again.
     */
    @Test
    @Order(7)
    void a_failing_payment_provider_cancels_orders_opens_the_breaker_and_the_system_recovers_within_a_minute()
            throws Exception {
        String product = newProduct(100);
        // Control, and the baseline: the threads of payment-service once it has charged an order.
        assertThat(awaitFinished(shopper(), placeOrder(product), Duration.ofSeconds(60))
                        .get("status")
                        .asString())
                .isEqualTo("CONFIRMED");
        int threadsBefore = (int) paymentMetric("jvm_threads_live_threads", "");
        MetricsSampler sampler = new MetricsSampler();
        Map<String, JsonNode> finished = new LinkedHashMap<>();
        try {
            assertThat(Microshop.put(PROVIDER_FAULTS, Map.of("failure_rate", 1.0))
                            .statusCode())
                    .isEqualTo(200);
            Instant failing = Instant.now();
            sampler.start(failing);
            List<String> orderIds = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                orderIds.add(placeOrder(product));
            }
            for (String orderId : orderIds) {
                finished.put(orderId, awaitFinished(shopper(), orderId, Duration.ofSeconds(60)));
            }
            await(
                    Duration.ofSeconds(10),
                    () -> assertThat(sampler.openSeenAfter.get())
                            .as("breaker open")
                            .isNotNull());
        } finally {
            sampler.stop();
            Microshop.delete(PROVIDER_FAULTS);
        }
        Instant providerBack = Instant.now();
        int threadsAfter = (int) paymentMetric("jvm_threads_live_threads", "");

        for (Map.Entry<String, JsonNode> order : finished.entrySet()) {
            assertThat(order.getValue().get("status").asString())
                    .as(order.getKey())
                    .isEqualTo("CANCELLED");
            assertThat(order.getValue().get("cancellationReason").asString()).containsIgnoringCase("unavailable");
            assertThat(ProviderLedger.netChargedMinor(order.getKey())).isZero();
        }
        System.out.printf(
                "[figure] provider failing 100 %%: %d orders all CANCELLED (\"%s\"), breaker open %.1f s after "
                        + "the fault; payment-service live threads %d before, at most %d during, %d after%n",
                finished.size(),
                finished.values().iterator().next().get("cancellationReason").asString(),
                sampler.openSeenAfter.get().toMillis() / 1000.0,
                threadsBefore,
                sampler.maxThreads.get(),
                threadsAfter);
        // A pile-up would add a thread per waiting payment; a few come and go with any load.
        assertThat(sampler.maxThreads.get()).isLessThanOrEqualTo(threadsBefore + 15);
        assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 10);

        AtomicInteger ordersUntilRecovered = new AtomicInteger();
        await(Duration.ofSeconds(60), () -> {
            ordersUntilRecovered.incrementAndGet();
            String orderId = placeOrder(product);
            assertThat(awaitFinished(shopper(), orderId, Duration.ofSeconds(30))
                            .get("status")
                            .asString())
                    .isEqualTo("CONFIRMED");
            assertThat(paymentMetric("resilience4j_circuitbreaker_state", "name=\"payment-provider\",state=\"closed\""))
                    .as("breaker closed")
                    .isEqualTo(1.0);
        });
        System.out.printf(
                "[figure] provider back: an order CONFIRMED and the breaker closed %.1f s later (%d orders)%n",
                Duration.between(providerBack, Instant.now()).toMillis() / 1000.0, ordersUntilRecovered.get());
    }

    /** Samples payment-service's metrics in the background: the most live threads, and when the breaker was first open. */
    private static final class MetricsSampler {

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private final AtomicInteger maxThreads = new AtomicInteger();
        private final AtomicReference<Duration> openSeenAfter = new AtomicReference<>();

        void start(Instant since) {
            timer.scheduleWithFixedDelay(
                    () -> {
                        try {
                            maxThreads.accumulateAndGet((int) paymentMetric("jvm_threads_live_threads", ""), Math::max);
                            if (paymentMetric(
                                            "resilience4j_circuitbreaker_state",
                                            "name=\"payment-provider\",state=\"open\"")
                                    == 1.0) {
                                openSeenAfter.compareAndSet(null, Duration.between(since, Instant.now()));
                            }
                        } catch (RuntimeException | AssertionError missed) {
                            // One sample lost: the next one comes 200 ms later.
                        }
                    },
                    0,
                    200,
                    TimeUnit.MILLISECONDS);
        }

        void stop() {
            timer.shutdownNow();
        }
    }

    /**
     * Sign-up never makes an administrator, whatever the address looks like: the dotless i and the long s fold to the
     * administrator's letters, and look-alikes of an existing address are refused as that address would be.
     */
    @Test
    @Order(8)
    void no_sign_up_becomes_an_administrator_and_look_alikes_of_an_address_are_refused() {
        admin();
        SoftAssertions softly = new SoftAssertions();
        for (String email : List.of(
                "adm\u0131n-" + shortId() + "@microshop.local",
                "admin-" + shortId() + "@micro\u017fhop.local",
                "ADMIN-" + shortId() + "@MICROSHOP.LOCAL")) {
            HttpResponse<String> created = post(
                    GATEWAY + "/api/users",
                    Map.of("email", email, "name", "Mallory", "password", Shopper.PASSWORD),
                    Map.of());
            softly.assertThat(created.statusCode())
                    .as(email + ": " + created.body())
                    .isEqualTo(201);
            if (created.statusCode() == 201) {
                softly.assertThat(json(created).get("roles").toString())
                        .as(email)
                        .isEqualTo("[\"CUSTOMER\"]");
            }
        }
        for (String lookAlike : List.of(
                "adm\u0131n@microshop.local",
                "admin@micro\u017fhop.local",
                "ADMIN@microshop.local",
                "\uff41dmin@microshop.local",
                "adrnin@microshop.local")) {
            HttpResponse<String> refused = post(
                    GATEWAY + "/api/users",
                    Map.of("email", lookAlike, "name", "Mallory", "password", Shopper.PASSWORD),
                    Map.of());
            softly.assertThat(refused.statusCode())
                    .as(lookAlike + ": " + refused.body())
                    .isEqualTo(409);
            checkClientErrorProblem(softly, lookAlike, refused);
        }
        softly.assertAll();
    }

    /**
     * The public port answers no management request, and no service's main port does either; each process's management
     * port (main + 10000, loopback) lets health and the Prometheus scrape through and wants the operator for the rest.
     */
    @Test
    @Order(9)
    void management_endpoints_are_off_the_public_path_and_only_the_operator_may_change_state() {
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of("/actuator/busrefresh", "/actuator/refresh")) {
            HttpResponse<String> viaGateway = post(GATEWAY + path, "{}", Map.of());
            softly.assertThat(viaGateway.statusCode())
                    .as("POST " + GATEWAY + path + ": " + viaGateway.body())
                    .isBetween(400, 499);
            checkClientErrorProblem(softly, "POST " + GATEWAY + path, viaGateway);
        }
        for (Map.Entry<Integer, Integer> ports : MANAGEMENT_PORTS.entrySet()) {
            String main = "http://127.0.0.1:" + ports.getKey();
            String management = "http://127.0.0.1:" + ports.getValue();
            softly.assertThat(post(main + "/actuator/refresh", "{}", Microshop.operator())
                            .statusCode())
                    .as("POST refresh on the main port " + main)
                    .isBetween(400, 499);
            if (ports.getKey() != 8888) { // the config server's main port reads /actuator/env as application "actuator"
                softly.assertThat(get(main + "/actuator/env", Microshop.operator())
                                .statusCode())
                        .as("env on the main port " + main)
                        .isBetween(400, 499);
            }

            HttpResponse<String> health = get(management + "/actuator/health", Map.of());
            softly.assertThat(health.statusCode()).as("health at " + management).isEqualTo(200);
            softly.assertThat(health.body())
                    .as("health at " + management + " without credentials")
                    .doesNotContain("components");
            softly.assertThat(get(management + "/actuator/prometheus", Map.of()).statusCode())
                    .as("prometheus at " + management)
                    .isEqualTo(200);
            HttpResponse<String> anonymousRefresh = post(management + "/actuator/refresh", "{}", Map.of());
            softly.assertThat(anonymousRefresh.statusCode())
                    .as("anonymous refresh at " + management)
                    .isEqualTo(401);
            checkClientErrorProblem(softly, "anonymous refresh at " + management, anonymousRefresh);
            softly.assertThat(get(management + "/actuator/env", Map.of()).statusCode())
                    .as("anonymous env at " + management)
                    .isEqualTo(401);
            softly.assertThat(get(management + "/actuator/health", Microshop.operator())
                            .body())
                    .as("health details for the operator at " + management)
                    .contains("components");
        }
        HttpResponse<String> busRefresh =
                post("http://127.0.0.1:18888/actuator/busrefresh", "{}", Microshop.operator());
        softly.assertThat(busRefresh.statusCode())
                .as("the operator's busrefresh: " + busRefresh.body())
                .isBetween(200, 299);
        Microshop.awaitRouted();
        softly.assertAll();
    }

    /**
     * Bad tokens cost an attacker as much as no token: a flood with a forged one, from an address of its own, meets
     * 429 problem+json instead of an endless stream of 401s.
     */
    @Test
    @Order(10)
    void a_flood_of_forged_tokens_is_rate_limited_per_address() throws Exception {
        Instant now = Instant.now();
        String forged = Tokens.signed(
                Tokens.strangerKey("kid-" + UUID.randomUUID()),
                Tokens.claims(UUID.randomUUID().toString(), now, now.plus(Duration.ofMinutes(10))));
        HttpClient attacker = Microshop.clientFrom("127.0.0.9");
        Map<Integer, Integer> statuses = new TreeMap<>();
        HttpResponse<String> limited = null;
        for (int request = 0; request < 300; request++) {
            HttpResponse<String> response = Microshop.send(
                    attacker,
                    HttpRequest.newBuilder(URI.create(GATEWAY + "/api/orders"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + forged)
                            .GET()
                            .build());
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 429 && limited == null) {
                limited = response;
            }
        }
        System.out.printf("[figure] 300 requests with a forged token from 127.0.0.9: %s%n", statuses);
        assertThat(statuses.keySet()).as("statuses").containsOnly(401, 429);
        assertThat(limited).as("a 429 among 300 forged-token requests").isNotNull();
        assertProblem(limited, 429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    /** An Idempotency-Key names one request: sent again with another body, it is refused instead of replayed. */
    @Test
    @Order(11)
    void an_idempotency_key_reused_for_a_different_order_is_refused_and_the_first_order_is_kept() {
        String product = newProduct(10);
        Map<String, String> headers = new HashMap<>(shopper().bearer());
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> first =
                Map.of("items", List.of(Map.of("productId", product, "quantity", 1)), "paymentMethod", "pm-ok");
        HttpResponse<String> created = post(GATEWAY + "/api/orders", first, headers);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderId = json(created).get("id").asString();

        HttpResponse<String> replayed = post(GATEWAY + "/api/orders", first, headers);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(201);
        assertThat(json(replayed).get("id").asString()).isEqualTo(orderId);

        for (Map<String, Object> other : List.of(
                Map.<String, Object>of(
                        "items", List.of(Map.of("productId", product, "quantity", 3)), "paymentMethod", "pm-ok"),
                Map.<String, Object>of(
                        "items",
                        List.of(Map.of("productId", product, "quantity", 1)),
                        "paymentMethod",
                        "pm-declined"))) {
            HttpResponse<String> misused = post(GATEWAY + "/api/orders", other, headers);
            assertProblem(misused, 422);
            assertThat(json(misused).get("detail").asString()).containsIgnoringCase("Idempotency-Key");
        }
        JsonNode kept = awaitFinished(shopper(), orderId, Duration.ofSeconds(60));
        assertThat(kept.get("items").get(0).get("quantity").asInt()).isEqualTo(1);
    }

    /** Every role of the local PostgreSQL needs its password, the superuser's included. */
    @Test
    @Order(12)
    void the_local_postgresql_wants_a_password_from_every_role() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:54320/postgres";
        for (String[] credentials : new String[][] {{"postgres", ""}, {"postgres", "postgres"}, {"user_service", ""}}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, credentials[0], credentials[1])
                            .close())
                    .as("log-in as " + credentials[0] + " with password '" + credentials[1] + "'")
                    .isInstanceOf(java.sql.SQLException.class)
                    .hasMessageContaining("password");
        }
        try (Connection superuser = DriverManager.getConnection(url, "postgres", Microshop.postgresPassword());
                ResultSet roles = superuser
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM pg_authid WHERE rolcanlogin AND rolpassword IS NULL")) {
            roles.next();
            assertThat(roles.getLong(1))
                    .as("roles that can log in without a password")
                    .isZero();
        }
    }

    /** Only an administrator rotates the signing keys, and not in a loop: a second rotation soon after is refused. */
    @Test
    @Order(13)
    void signing_keys_rotate_for_administrators_only_and_not_twice_in_a_row() {
        String rotate = GATEWAY + "/api/admin/signing-keys/rotate";
        assertProblem(post(rotate, "{}", shopper().bearer()), 403);

        HttpResponse<String> first = post(rotate, "{}", admin().bearer());
        HttpResponse<String> second = post(rotate, "{}", admin().bearer());
        System.out.printf(
                "[figure] two rotations in a row: %d then %d (Retry-After %s s)%n",
                first.statusCode(),
                second.statusCode(),
                second.headers().firstValue("Retry-After").orElse("-"));
        // The first may itself come within the minimum interval of a rotation at start-up.
        assertThat(first.statusCode()).as(first.body()).isIn(200, 201, 204, 429);
        assertProblem(second, 429);
        assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElse("0")))
                .isPositive();
        HttpResponse<String> me = get(GATEWAY + "/api/users/me", shopper().bearer());
        assertThat(me.statusCode())
                .as("a token issued before the rotation still works: " + me.body())
                .isEqualTo(200);
    }

    private static Shopper shopper() {
        if (shopper == null) {
            shopper = Shopper.signUp();
        }
        return shopper;
    }

    private static Shopper admin() {
        if (admin == null) {
            admin = Shopper.admin();
        }
        return admin;
    }

    /**
     * Raises the capacity of the sign-in class (microshop.gateway.rate-limits.classes.sign-in) in the test's copy of
     * gateway.yml; the config server sees the change and the bus refreshes the running gateway.
     */
    private static void raiseLogInLimit(int perMinute) throws Exception {
        Path config = Microshop.CONFIG_COPY.resolve("gateway.yml");
        String yaml = Files.readString(config);
        String shipped = "capacity: " + LOG_IN_LIMIT_PER_MINUTE + "\n";
        int capacity = yaml.indexOf(shipped, yaml.indexOf("sign-in:"));
        assertThat(capacity).as("the sign-in class's capacity in gateway.yml").isPositive();
        Files.writeString(
                config,
                yaml.substring(0, capacity) + "capacity: " + perMinute + "\n"
                        + yaml.substring(capacity + shipped.length()));
    }

    private static HttpRequest logIn(String email, String password) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + "/api/auth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Microshop.JSON.writeValueAsString(Map.of("email", email, "password", password))))
                .build();
    }

    private static HttpRequest wrongLogIn(Map<String, String> headers) {
        String body = Microshop.JSON.writeValueAsString(
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "wrong-password-1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/auth/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request.build();
    }

    private static HttpResponse<String> sendToOrders(String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/orders"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(body);
        shopper().bearer().forEach(request::header);
        return Microshop.send(request.build());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("content type of " + response.body())
                .startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).as(response.body()).isEqualTo(status);
    }

    /** A 4xx answered as problem+json whose status field is the response's status. */
    private static void checkClientErrorProblem(SoftAssertions softly, String what, HttpResponse<String> response) {
        String answer = what + " -> " + response.statusCode() + " " + response.body();
        softly.assertThat(response.statusCode()).as(answer).isBetween(400, 499);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        softly.assertThat(contentType).as("content type of " + answer).startsWith("application/problem+json");
        if (contentType.startsWith("application/problem+json")) {
            softly.assertThat(json(response).get("status").asInt())
                    .as("status in " + answer)
                    .isEqualTo(response.statusCode());
        }
    }

    /** Sends a request that must get {@code status} (or any 4xx: {@link #ANY_CLIENT_ERROR}); null when it got no answer. */
    private static HttpResponse<String> expectStatus(
            SoftAssertions softly,
            Map<String, String> statuses,
            String what,
            int status,
            Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response;
        try {
            response = request.get();
        } catch (UncheckedIOException noAnswer) {
            statuses.put(what, "no answer");
            softly.fail(what + ": no answer (" + noAnswer.getCause() + ")");
            return null;
        }
        statuses.put(what, String.valueOf(response.statusCode()));
        String answer = what + " -> " + response.statusCode() + " " + response.body();
        if (status == ANY_CLIENT_ERROR) {
            softly.assertThat(response.statusCode()).as(answer).isBetween(400, 499);
        } else {
            softly.assertThat(response.statusCode()).as(answer).isEqualTo(status);
        }
        return response;
    }

    private static void expectProblem(
            SoftAssertions softly,
            Map<String, String> statuses,
            String what,
            int status,
            Supplier<HttpResponse<String>> request) {
        HttpResponse<String> response = expectStatus(softly, statuses, what, status, request);
        if (response != null) {
            checkClientErrorProblem(softly, what, response);
        }
    }

    private static long productCount() {
        HttpResponse<String> page = get(GATEWAY + "/api/products?size=1", Map.of());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).get("page").get("totalElements").asLong();
    }

    private static long orderCount(Shopper buyer) {
        HttpResponse<String> page = get(GATEWAY + "/api/orders?size=1", buyer.bearer());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).get("page").get("totalElements").asLong();
    }

    /** Rows of the tables a successful injection would change, read from each service's database as an insider. */
    private static Map<String, Long> rowCounts() throws Exception {
        Map<String, List<String>> tables = Map.of(
                "user_service",
                List.of("users", "user_roles", "refresh_tokens"),
                "inventory_service",
                List.of("products", "stock_levels", "stock_reservations"),
                "order_service",
                List.of("orders", "order_items"),
                "payment_service",
                List.of("payments"));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> database : tables.entrySet()) {
            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:54320/" + database.getKey(), database.getKey(), database.getKey())) {
                for (String table : database.getValue()) {
                    try (ResultSet count = db.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                        count.next();
                        counts.put(database.getKey() + "." + table, count.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static String newProduct(int stock) {
        HttpResponse<String> created =
                post(GATEWAY + "/api/products", newProductBody("SEC-" + shortId(), stock), admin().bearer());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static Map<String, Object> newProductBody(String sku, int stock) {
        return Map.of(
                "sku",
                sku,
                "name",
                "Test product " + sku,
                "description",
                "made by a system test",
                "price",
                Map.of("amount", "1.00", "currency", "EUR"),
                "initialStock",
                stock);
    }

    /**
     * Places an order as a careful client does: an answer it did not get, or a 503 (a service briefly too slow on a
     * busy machine), is tried again with the same Idempotency-Key.
     */
    private static String placeOrder(String product) {
        Map<String, String> headers = new HashMap<>(shopper().bearer());
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body =
                Map.of("items", List.of(Map.of("productId", product, "quantity", 1)), "paymentMethod", "pm-ok");
        AtomicReference<HttpResponse<String>> created = new AtomicReference<>();
        await(Duration.ofSeconds(30), () -> {
            created.set(post(GATEWAY + "/api/orders", body, headers));
            assertThat(created.get().statusCode()).as(created.get().body()).isEqualTo(201);
        });
        return json(created.get()).get("id").asString();
    }

    private static JsonNode awaitFinished(Shopper buyer, String orderId, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await(timeout, () -> {
            HttpResponse<String> order = get(GATEWAY + "/api/orders/" + orderId, buyer.bearer());
            assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
            last.set(json(order));
            assertThat(last.get().get("status").asString()).isIn("CONFIRMED", "CANCELLED");
        });
        return last.get();
    }

    /** The value of the first sample of {@code name} in payment-service's Prometheus page whose labels contain {@code labels}. */
    private static double paymentMetric(String name, String labels) {
        HttpResponse<String> page = get(PAYMENT_METRICS, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body()
                .lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " {" + labels + "} in " + PAYMENT_METRICS));
    }

    /** Percent-encodes text for one path segment (a space as %20, not +). */
    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Map<Integer, Integer> statusCounts(Map<String, HttpResponse<String>> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.values().forEach(response -> counts.merge(response.statusCode(), 1, Integer::sum));
        return counts;
    }
}
