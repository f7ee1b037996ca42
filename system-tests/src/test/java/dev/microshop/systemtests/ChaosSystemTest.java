package dev.microshop.systemtests;

import static dev.microshop.systemtests.Microshop.await;
import static dev.microshop.systemtests.Microshop.get;
import static dev.microshop.systemtests.Microshop.json;
import static dev.microshop.systemtests.Shop.awaitOutcomesOfOneEuroOrders;
import static dev.microshop.systemtests.Shop.deadLettersNotReplayed;
import static dev.microshop.systemtests.Shop.newProduct;
import static dev.microshop.systemtests.Shop.stock;
import static dev.microshop.systemtests.Shop.tryPlaceOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The production topology ({@code ./microshop up --topology production}: three Kafka nodes, two instances of every
 * service and of the gateway, Redis for the gateways) under faults, one phase at a time, while shoppers place 100
 * orders in each phase. A shopper's client is a careful one: it sends each order with an Idempotency-Key to one
 * gateway, and when it gets no answer or a 5xx it sends it again, to the other gateway, as a load balancer in front of
 * the two would. After each phase everything must settle: every accepted order CONFIRMED or CANCELLED and none twice,
 * stock received = available + reserved + sold with sold = confirmed units, the provider's ledger at each confirmed
 * order's total and at 0 for each cancelled one, nothing new on a dead-letter topic, every instance ready and in
 * discovery again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosSystemTest {

    private static final List<String> GATEWAYS = List.of("http://127.0.0.1:8080", "http://127.0.0.1:8090");
    private static final int ORDERS_PER_PHASE = 100;
    /** The fault comes once this many orders of the phase have been accepted: it hits a system under load. */
    private static final int ORDERS_BEFORE_THE_FAULT = 20;
    /** Every service runs twice; Eureka knows them by these names. */
    private static final Map<String, Integer> INSTANCES_IN_DISCOVERY = Map.of(
            "GATEWAY", 2,
            "USER-SERVICE", 2,
            "INVENTORY-SERVICE", 2,
            "ORDER-SERVICE", 2,
            "PAYMENT-SERVICE", 2,
            "NOTIFICATION-SERVICE", 2);

    private static final Pattern LEADS_ORDER_EVENTS = Pattern.compile("node (\\d+) \\S+ leads \\d+:.*order-events\\[");

    private static Shopper admin;
    private static int deadLettersBefore;

    @BeforeAll
    static void startSystem() throws Exception {
        Microshop.run("down");
        Microshop.copyConfig();
        Microshop.CommandResult up =
                Microshop.upWithProfile(Microshop.LOAD_PROFILE, "--topology", "production", "--timeout", "900");
        System.out.printf(
                "[figure] ./microshop up --topology production took %.1f s%n",
                up.took().toMillis() / 1000.0);
        assertThat(up.exitCode()).as(up.output()).isZero();
        admin = Shopper.admin();
        awaitSettled();
        deadLettersBefore = deadLettersNotReplayed();
    }

    @AfterAll
    static void stopSystem() {
        Microshop.CommandResult down = Microshop.run("down");
        System.out.printf(
                "[figure] ./microshop down (production topology) took %.1f s%n",
                down.took().toMillis() / 1000.0);
    }

    @Test
    @Order(1)
    void every_topic_has_three_replicas_on_three_kafka_nodes_and_status_says_which_node_leads_what() {
        Microshop.CommandResult status = Microshop.run("status");
        assertThat(status.output()).contains("Kafka nodes (3 live)");
        assertThat(LEADS_ORDER_EVENTS.matcher(status.output()).find())
                .as(status.output())
                .isTrue();
        assertThat(status.output()).containsPattern("\\d+ topics, replication factor 3 for every one; 0 partitions");
    }

    @Test
    @Order(2)
    void kill_9_of_the_kafka_node_that_leads_order_events_partitions() {
        phase("kill -9 of the Kafka node leading order-events", () -> {
            Microshop.CommandResult status = Microshop.run("status");
            Matcher leader = LEADS_ORDER_EVENTS.matcher(status.output());
            assertThat(leader.find()).as(status.output()).isTrue();
            String node = leader.group(1).equals("1") ? "kafka" : "kafka-" + leader.group(1);
            kill(node);
            return node;
        });
    }

    @Test
    @Order(3)
    void a_kafka_node_paused_for_20_s_and_resumed() {
        phase("kafka-2 paused for 20 s", () -> {
            operator("pause", "kafka-2");
            Microshop.sleep(Duration.ofSeconds(20));
            operator("resume", "kafka-2");
            return "kafka-2";
        });
    }

    @Test
    @Order(4)
    void kill_9_of_one_instance_of_every_service_and_of_a_gateway() {
        phase("kill -9 of one instance of each service and of a gateway", () -> {
            List<String> victims = List.of(
                    "user-service-2",
                    "inventory-service-2",
                    "order-service-2",
                    "payment-service-2",
                    "notification-service-2",
                    "gateway");
            victims.forEach(ChaosSystemTest::kill);
            return String.join(", ", victims);
        });
    }

    @Test
    @Order(5)
    void an_order_service_instance_paused_is_evicted_from_discovery_and_rejoins_when_resumed() {
        phase("order-service-2 paused until evicted, then resumed", () -> {
            operator("pause", "order-service-2");
            Instant paused = Instant.now();
            await(
                    Duration.ofSeconds(90),
                    () -> assertThat(upInDiscovery().get("ORDER-SERVICE"))
                            .as("order-service instances UP in Eureka")
                            .isEqualTo(1));
            System.out.printf(
                    "[figure] paused order-service-2 evicted from discovery after %.1f s%n",
                    Duration.between(paused, Instant.now()).toMillis() / 1000.0);
            operator("resume", "order-service-2");
            return "order-service-2";
        });
    }

    @Test
    @Order(6)
    void postgresql_restarted() {
        phase("PostgreSQL restarted", () -> {
            operator("stop", "postgres");
            Microshop.sleep(Duration.ofSeconds(5));
            operator("start", "postgres");
            return "postgres";
        });
    }

    @Test
    @Order(7)
    void no_record_reached_a_dead_letter_topic() {
        assertThat(deadLettersNotReplayed()).isEqualTo(deadLettersBefore);
    }

    /** What a fault does; returns what it hit, for the figures. */
    @FunctionalInterface
    private interface Fault {
        String inject() throws Exception;
    }

    /**
     * One phase: shoppers place {@link #ORDERS_PER_PHASE} orders for a product of their own; the fault strikes once a
     * few are accepted; then the phase must settle as the class comment says, and its figures are printed.
     */
    private static void phase(String name, Fault fault) {
        int stock = ORDERS_PER_PHASE * 2;
        String product = newProduct(admin, stock, "1.00");
        List<Shopper> buyers = List.of(Shopper.signUp(), Shopper.signUp(), Shopper.signUp(), Shopper.signUp());
        Map<String, Shopper> accepted = new ConcurrentHashMap<>();
        AtomicInteger resent = new AtomicInteger();
        Instant faultAt;
        String hit;
        try (ExecutorService shoppers = Executors.newFixedThreadPool(6)) {
            List<Future<?>> orders = new ArrayList<>();
            for (int n = 0; n < ORDERS_PER_PHASE; n++) {
                Shopper buyer = buyers.get(n % buyers.size());
                int first = n % GATEWAYS.size();
                orders.add(
                        shoppers.submit(() -> accepted.put(placeUntilAccepted(buyer, product, first, resent), buyer)));
            }
            while (accepted.size() < ORDERS_BEFORE_THE_FAULT) {
                Microshop.sleep(Duration.ofMillis(20));
            }
            faultAt = Instant.now();
            hit = fault.inject();
            for (Future<?> order : orders) {
                order.get();
            }
        } catch (Exception e) {
            throw new AssertionError(name + ": " + e, e);
        }
        Instant allAccepted = Instant.now();
        assertThat(accepted).as("one order per Idempotency-Key").hasSize(ORDERS_PER_PHASE);

        Map<String, Integer> outcomes = awaitOutcomesOfOneEuroOrders(accepted, Duration.ofSeconds(180));
        for (Shopper buyer : buyers) {
            long theirs = accepted.values().stream().filter(buyer::equals).count();
            JsonNode listed = json(get(Microshop.GATEWAY + "/api/orders?size=1", buyer.bearer()));
            assertThat(listed.get("page").get("totalElements").asLong())
                    .as("orders stored for one shopper: none lost, none twice")
                    .isEqualTo(theirs);
        }
        int confirmed = outcomes.getOrDefault("CONFIRMED", 0);
        await(Duration.ofSeconds(60), () -> {
            Map<String, Integer> levels = stock(admin, product);
            assertThat(levels.get("reserved")).isZero();
            assertThat(levels.get("sold")).isEqualTo(confirmed);
            assertThat(levels.get("available") + levels.get("reserved") + levels.get("sold"))
                    .isEqualTo(levels.get("received"))
                    .isEqualTo(stock);
        });
        awaitSettled();
        Instant settled = Instant.now();
        System.out.printf(
                "[figure] chaos phase '%s' (hit: %s): %d orders, %d requests sent again; outcomes %s; all accepted"
                        + " %.1f s after the fault, settled %.1f s after it%n",
                name,
                hit,
                ORDERS_PER_PHASE,
                resent.get(),
                outcomes,
                Duration.between(faultAt, allAccepted).toMillis() / 1000.0,
                Duration.between(faultAt, settled).toMillis() / 1000.0);
        assertThat(confirmed).as("orders confirmed in the phase").isPositive();
    }

    /** Sends the order until a gateway accepts it: the other gateway after each failure, with the same key. */
    private static String placeUntilAccepted(Shopper buyer, String product, int firstGateway, AtomicInteger resent) {
        String idempotencyKey = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        for (int attempt = 0; ; attempt++) {
            String gateway = GATEWAYS.get((firstGateway + attempt) % GATEWAYS.size());
            Optional<String> id = tryPlaceOrder(gateway, buyer, product, idempotencyKey);
            if (id.isPresent()) {
                return id.get();
            }
            assertThat(Instant.now())
                    .as("order %s still not accepted", idempotencyKey)
                    .isBefore(deadline);
            resent.incrementAndGet();
            Microshop.sleep(Duration.ofMillis(500));
        }
    }

    /** Every instance ready, and every service's two instances UP in discovery. */
    private static void awaitSettled() {
        await(Duration.ofSeconds(240), () -> {
            for (JsonNode instance : Microshop.state().get("instances")) {
                assertThat(instance.get("state").asString())
                        .as(instance.get("name").asString())
                        .isEqualTo("READY");
            }
            assertThat(upInDiscovery()).containsAllEntriesOf(INSTANCES_IN_DISCOVERY);
        });
    }

    /** How many instances of each application Eureka lists as UP. */
    private static Map<String, Integer> upInDiscovery() {
        JsonNode apps = json(get("http://127.0.0.1:8761/eureka/apps", Map.of("Accept", "application/json")));
        Map<String, Integer> up = new LinkedHashMap<>();
        for (JsonNode app : apps.get("applications").get("application")) {
            int count = 0;
            for (JsonNode instance : app.get("instance")) {
                count += instance.get("status").asString().equals("UP") ? 1 : 0;
            }
            up.put(app.get("name").asString(), count);
        }
        return up;
    }

    private static void kill(String instance) {
        try {
            long pid = Microshop.instance(instance).get("pid").asLong();
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void operator(String command, String instance) {
        Microshop.CommandResult result = Microshop.run(command, instance);
        assertThat(result.exitCode())
                .as(command + " " + instance + ": " + result.output())
                .isZero();
    }
}
