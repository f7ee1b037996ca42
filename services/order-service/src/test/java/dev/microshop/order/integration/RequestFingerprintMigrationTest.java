package dev.microshop.order.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.order.domain.order.PaymentMethod;
import dev.microshop.order.domain.order.ProductId;
import dev.microshop.order.domain.order.RequestFingerprint;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders stored before request fingerprints were: the migration gives each keyed order the fingerprint of the
 * request that placed it, so replaying that request still finds it and a different one is refused. Runs the
 * migrations in a schema of its own, stopping after V1 to store the orders as the old code did.
 */
@OrderServiceIntegrationTest
class RequestFingerprintMigrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void an_order_placed_with_a_key_before_the_upgrade_gets_the_fingerprint_of_its_request() {
        String schema = "before_fingerprints_" + UUID.randomUUID().toString().replace("-", "");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        try {
            migrate(schema, "1");
            UUID keyed = UUID.randomUUID();
            UUID keyless = UUID.randomUUID();
            ProductId mug = new ProductId(UUID.randomUUID());
            ProductId tea = new ProductId(UUID.randomUUID());
            storeAsBefore(jdbc, schema, keyed, "checkout-1", Map.of(tea, 1, mug, 2));
            storeAsBefore(jdbc, schema, keyless, null, Map.of(mug, 1));

            migrate(schema, "latest");

            String fingerprint = jdbc.sql("SELECT request_fingerprint FROM " + schema + ".orders WHERE id = ?")
                    .param(keyed)
                    .query(String.class)
                    .single();
            assertThat(fingerprint)
                    .isEqualTo(RequestFingerprint.of(Map.of(mug, 2, tea, 1), new PaymentMethod("pm-ok"))
                            .value());
            assertThat(fingerprint)
                    .isNotEqualTo(RequestFingerprint.of(Map.of(mug, 3, tea, 1), new PaymentMethod("pm-ok"))
                            .value());
            assertThat(jdbc.sql("SELECT count(*) FROM " + schema
                                    + ".orders WHERE id = ? AND request_fingerprint IS NULL")
                            .param(keyless)
                            .query(Long.class)
                            .single())
                    .as("an order without a key has no fingerprint")
                    .isEqualTo(1);
        } finally {
            jdbc.sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE").update();
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .target(target)
                .load()
                .migrate();
    }

    private static void storeAsBefore(
            JdbcClient jdbc, String schema, UUID id, String key, Map<ProductId, Integer> quantities) {
        jdbc.sql(
                        "INSERT INTO " + schema
                                + ".orders (id, user_id, status, total_amount, currency, payment_method,"
                                + " idempotency_key, placed_at, updated_at) VALUES (?, ?, 'PENDING', 1.00, 'EUR', 'pm-ok', ?, now(), now())")
                .params(id, UUID.randomUUID(), key)
                .update();
        int lineNo = 0;
        for (var item : quantities.entrySet()) {
            jdbc.sql("INSERT INTO " + schema
                            + ".order_items (order_id, line_no, product_id, quantity, unit_price, currency)"
                            + " VALUES (?, ?, ?, ?, 1.00, 'EUR')")
                    .params(id, lineNo++, item.getKey().value(), item.getValue())
                    .update();
        }
    }
}
