package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microshop.order.application.order.OrderAdmission;
import dev.microshop.order.integration.Api.Shopper;
import dev.microshop.testsupport.LiveConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Load shedding: while at least backlog-orders orders in progress have waited longer than backlog-age (10 s, from
 * config/order-service.yml), new orders get 503 and nothing of them is stored; once the backlog clears they are
 * taken again. Here the backlog is 3 orders, made old by moving their placement back 15 s (less than the 30 s
 * deadline, so the deadline scan leaves them alone). Orders that other test classes left in progress would count as
 * well, so each test starts by settling them.
 */
@OrderServiceIntegrationTest
class OrderAdmissionTest {

    static final int BACKLOG = 3;
    static final FakeRemoteServices fakes = FakeRemoteServices.INSTANCE;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OrderAdmission admission;

    Api api;
    Shopper shopper;
    String product;
    AutoCloseable smallBacklog;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @BeforeEach
    void aBacklogOfThreeOrdersAndNoOrderInProgress() {
        settleOrdersInProgress();
        smallBacklog =
                LiveConfiguration.change(context, "microshop.orders.admission.backlog-orders", String.valueOf(BACKLOG));
        admission.reassess();
        shopper = Api.newShopper();
        product = fakes.inventory.add("12.50", "EUR");
    }

    @AfterEach
    void ordersTakenAgain() throws Exception {
        settleOrdersInProgress();
        smallBacklog.close();
        admission.reassess();
        fakes.reset();
    }

    @Test
    void the_saga_is_behind_once_as_many_orders_as_the_backlog_have_waited_longer_than_the_backlog_age() {
        List<String> orders = placeOrders(BACKLOG);
        admission.reassess();
        assertThat(shedding()).as("orders just placed").isZero();

        waitedLong(orders.subList(0, BACKLOG - 1));
        admission.reassess();
        assertThat(shedding())
                .as("one order fewer than the backlog has waited long")
                .isZero();

        jdbc.sql("UPDATE orders SET status = 'RESERVED' WHERE id = ?::uuid")
                .param(orders.getLast())
                .update();
        waitedLong(orders.subList(BACKLOG - 1, BACKLOG));
        admission.reassess();
        assertThat(shedding()).as("a RESERVED order is in progress too").isOne();
    }

    @Test
    void orders_that_are_over_do_not_count() {
        List<String> orders = placeOrders(BACKLOG + 1);
        waitedLong(orders);
        jdbc.sql("UPDATE orders SET status = 'CONFIRMED' WHERE id = ?::uuid")
                .param(orders.get(0))
                .update();
        jdbc.sql("UPDATE orders SET status = 'CANCELLED', cancellation_reason = 'Payment failed' WHERE id = ?::uuid")
                .param(orders.get(1))
                .update();

        admission.reassess();

        assertThat(shedding()).as("two of the four orders are over").isZero();
    }

    @Test
    void while_the_saga_is_behind_a_new_order_gets_503_and_nothing_of_it_is_kept_until_the_backlog_clears() {
        List<String> backlog = placeOrders(BACKLOG);
        waitedLong(backlog);
        awaitShedding(1); // by the scheduled check
        double shedBefore = meters.counter("microshop.orders.shed").count();
        fakes.reset();
        String key = "checkout-" + UUID.randomUUID();

        MvcTestResult refused = api.place(shopper, Api.orderBody(product, 1), key);

        assertThat(refused).hasStatus(503);
        assertThat(refused).hasContentType("application/problem+json");
        assertThat(refused).headers().hasSingleValue("Retry-After", "5");
        assertThat(Api.read(refused, "$.title")).isEqualTo("Orders held back");
        assertThat(Api.read(refused, "$.detail"))
                .isEqualTo("Orders are being taken more slowly than they arrive; try again in 5 s");
        assertThat(Api.read(refused, "$.traceId")).isNotBlank();
        assertThat(ordersOf(shopper)).as("only the backlog").isEqualTo(BACKLOG);
        assertThat(fakes.users.calls.lastAuthorization).as("user-service asked").isNull();
        assertThat(fakes.inventory.calls.lastAuthorization)
                .as("inventory-service asked")
                .isNull();
        assertThat(meters.counter("microshop.orders.shed").count()).isEqualTo(shedBefore + 1);

        jdbc.sql("UPDATE orders SET status = 'CONFIRMED' WHERE id = ?::uuid")
                .param(backlog.getFirst())
                .update();
        awaitShedding(0);
        MvcTestResult placed = api.place(shopper, Api.orderBody(product, 1), key);

        assertThat(placed).hasStatus(201).headers().hasSingleValue("Idempotent-Replayed", "false");
        assertThat(ordersOf(shopper)).isEqualTo(BACKLOG + 1);
    }

    @Test
    void while_the_saga_is_behind_a_replayed_key_still_gets_its_order() {
        String key = "checkout-" + UUID.randomUUID();
        MvcTestResult first = api.place(shopper, Api.orderBody(product, 1), key);
        waitedLong(placeOrders(BACKLOG));
        admission.reassess();

        MvcTestResult replay = api.place(shopper, Api.orderBody(product, 1), key);

        assertThat(replay).hasStatus(201).headers().hasSingleValue("Idempotent-Replayed", "true");
        assertThat(Api.read(replay, "$.id")).isEqualTo(Api.read(first, "$.id"));
        assertThat(api.place(shopper, Api.orderBody(product, 1)))
                .as("a new order")
                .hasStatus(503);
    }

    private List<String> placeOrders(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.placeOrder(shopper, product, 1));
        }
        return ids;
    }

    /** Moves their placement back beyond the backlog age (10 s), not as far as the deadline (30 s). */
    private void waitedLong(List<String> orders) {
        for (String order : orders) {
            jdbc.sql("UPDATE orders SET placed_at = placed_at - interval '15 seconds' WHERE id = ?::uuid")
                    .param(order)
                    .update();
        }
    }

    private void settleOrdersInProgress() {
        jdbc.sql("""
                UPDATE orders SET status = 'CANCELLED', cancellation_reason = 'Settled by OrderAdmissionTest'
                WHERE status IN ('PENDING', 'RESERVED')""").update();
    }

    private double shedding() {
        return meters.get("microshop.orders.shedding").gauge().value();
    }

    private void awaitShedding(int expected) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(shedding()).isEqualTo(expected));
    }

    private long ordersOf(Shopper owner) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?::uuid")
                .param(owner.userId())
                .query(Long.class)
                .single();
    }
}
