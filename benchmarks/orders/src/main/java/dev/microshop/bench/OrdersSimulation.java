package dev.microshop.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An open-model order workload through the gateway: shoppers arrive at a fixed rate (Poisson arrivals), each
 * places one order of 1-3 random products; the rate steps up after a warm-up that ramps from 1/s to the first
 * step's rate (a just-started system offered its full rate at once falls behind while its code is still being
 * compiled, and once its backlog is older than the saga's deadline it cancels every order). What happened is written to the run
 * directory for {@link OrdersReport}: every placement, and a CPU and memory sample of every process of the system
 * at the start and end of every step. Once a step clearly fails (an error, a cancellation, or far fewer
 * confirmations than orders), the run ends: the later steps would only pile up a backlog.
 */
public class OrdersSimulation extends Simulation {

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final RunRecord record;

    public OrdersSimulation() throws IOException, InterruptedException {
        Shop shop = new Shop(settings.gateway());
        String adminToken = BenchAccounts.administrator(shop, settings.home());
        List<String> products = BenchAccounts.refillStock(shop, adminToken);
        List<String> shoppers = BenchAccounts.shopperTokens(shop, settings.shoppers());
        record = new RunRecord(
                settings, SystemProcesses.of(settings.home()), new OrderCounters(settings.orderMetrics()));

        List<PopulationBuilder> steps = new ArrayList<>();
        if (!settings.warmup().isZero()) {
            steps.add(placingOrders(
                            RunRecord.WARM_UP,
                            "warm-up up to " + settings.steps().getFirst() + "/s",
                            shoppers,
                            products)
                    .injectOpen(rampUsersPerSec(1)
                            .to(settings.steps().getFirst())
                            .during(settings.warmup())
                            .randomized()));
        }
        for (int index = 0; index < settings.steps().size(); index++) {
            int rate = settings.steps().get(index);
            steps.add(placingOrders(index, "orders at " + rate + "/s", shoppers, products)
                    .injectOpen(
                            nothingFor(settings.stepStart(index)),
                            constantUsersPerSec(rate)
                                    .during(settings.stepDuration())
                                    .randomized()));
        }
        Duration runs = settings.stepStart(settings.steps().size());
        // A browser keeps its connection for a whole visit: the bench measures orders, not TCP set-up.
        setUp(steps)
                .protocols(http.baseUrl(settings.gateway().toString()).shareConnections())
                .maxDuration(runs.plusMinutes(1));
    }

    private ScenarioBuilder placingOrders(int step, String name, List<String> shoppers, List<String> products) {
        ChainBuilder place = exec(http(name)
                        .post("/api/orders")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .header("Content-Type", "application/json")
                        .body(StringBody("#{body}"))
                        .check(
                                responseTimeInMillis().saveAs("responseMillis"),
                                status().saveAs("status"),
                                // 503: order-service holds orders back while its saga is behind (load shedding).
                                status().in(201, RunRecord.HELD_BACK),
                                jsonPath("$.id").optional().saveAs("orderId")))
                .exec(session -> record(step, session));
        // Ends the whole run, reports and all, at the first arrival after a failed step.
        return scenario(name)
                .feed(orders(shoppers, products))
                .exec(stopLoadGeneratorIf(
                        "a step failed: the later steps would only pile up a backlog", session -> record.stopped()))
                .exec(place);
    }

    private Session record(int step, Session session) {
        record.placed(
                step,
                session.contains("status") ? session.getInt("status") : 0,
                session.contains("responseMillis") ? session.getLong("responseMillis") : -1,
                session.contains("orderId") ? session.getString("orderId") : "");
        return session;
    }

    /** Endless orders: a random shopper, 1-3 distinct random products of one unit each, a card that works. */
    private static Iterator<Map<String, Object>> orders(List<String> shoppers, List<String> products) {
        return Stream.generate(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    List<String> picked = new ArrayList<>(products);
                    Collections.shuffle(picked, random);
                    String items = picked.stream()
                            .limit(random.nextInt(1, Math.min(3, products.size()) + 1))
                            .map(product -> "{\"productId\":\"" + product + "\",\"quantity\":1}")
                            .collect(Collectors.joining(","));
                    return Map.<String, Object>of(
                            "token",
                            shoppers.get(random.nextInt(shoppers.size())),
                            "idempotencyKey",
                            UUID.randomUUID().toString(),
                            "body",
                            "{\"items\":[" + items + "],\"paymentMethod\":\"pm-ok\"}");
                })
                .iterator();
    }

    @Override
    public void before() {
        record.start();
    }

    @Override
    public void after() {
        record.finish();
    }
}
