package dev.microshop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.platform.config.LiveSettings;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Gateway instances' bucket stores on one real redis-server: one bucket per key between them. */
class RedisBucketsTest {

    private static final BucketConfiguration FIVE_A_MINUTE = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(5)
                    .refillGreedy(5, Duration.ofMinutes(1))
                    .build())
            .build();

    private static RedisServer redis;
    private static RedisBuckets firstGateway;
    private static RedisBuckets secondGateway;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.onFreePort();
        firstGateway = new RedisBuckets(redis.url(), Duration.ofMillis(500));
        secondGateway = new RedisBuckets(redis.url(), Duration.ofMillis(500));
    }

    @AfterAll
    static void stopRedis() {
        firstGateway.close();
        secondGateway.close();
        redis.close();
    }

    @Test
    void two_gateways_share_one_bucket_per_key() {
        String key = "test:" + UUID.randomUUID();
        List<Boolean> consumed = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            RedisBuckets gateway = n % 2 == 0 ? firstGateway : secondGateway;
            consumed.add(tryConsume(gateway, key).orElseThrow().isConsumed());
        }

        assertThat(consumed).containsExactly(true, true, true, true, true, false, false, false);
        ConsumptionProbe refused = tryConsume(firstGateway, key).orElseThrow();
        assertThat(refused.getRemainingTokens()).isZero();
        assertThat(refused.getNanosToWaitForRefill())
                .isBetween(1L, Duration.ofSeconds(12).toNanos());
    }

    @Test
    void while_redis_is_down_requests_pass_unchecked_at_once_and_limits_return_with_redis() throws Exception {
        String key = "test:" + UUID.randomUUID();
        assertThat(tryConsume(firstGateway, key)).isPresent();

        redis.stop();
        try {
            long start = System.nanoTime();
            Optional<ConsumptionProbe> unchecked = tryConsume(firstGateway, key);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("[figure] Redis down: a request passed unchecked after %d ms%n", millis);
            assertThat(unchecked).isEmpty();
            assertThat(millis).isLessThan(600);
        } finally {
            redis.start();
        }
        Optional<ConsumptionProbe> checked = Optional.empty();
        for (int attempt = 0; attempt < 100 && checked.isEmpty(); attempt++) {
            checked = tryConsume(firstGateway, key);
            Thread.sleep(100);
        }
        assertThat(checked).as("checked again once Redis is back").isPresent();
    }

    @Test
    void redis_mode_in_configuration_keeps_the_buckets_in_redis() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("microshop.gateway.rate-limits.mode", "redis")
                .withProperty("microshop.gateway.rate-limits.redis-url", redis.url())
                .withProperty("microshop.gateway.rate-limits.redis-timeout", "250ms")
                .withProperty("microshop.gateway.rate-limits.max-keys", "50000");
        BucketStore configured = new RateLimitConfiguration()
                .rateLimitBuckets(
                        new LiveSettings<>(environment, "microshop.gateway.rate-limits", RateLimitProperties.class));
        try {
            assertThat(configured).isInstanceOf(RedisBuckets.class);
            String key = "test:" + UUID.randomUUID();
            for (int n = 0; n < 5; n++) {
                assertThat(tryConsume(firstGateway, key).orElseThrow().isConsumed())
                        .isTrue();
            }
            assertThat(configured
                            .tryConsume(key, FIVE_A_MINUTE)
                            .blockOptional(Duration.ofSeconds(5))
                            .orElseThrow()
                            .isConsumed())
                    .as("the sixth, through the configured store")
                    .isFalse();
        } finally {
            ((RedisBuckets) configured).close();
        }
    }

    private static Optional<ConsumptionProbe> tryConsume(RedisBuckets gateway, String key) {
        return gateway.tryConsume(key, FIVE_A_MINUTE).blockOptional(Duration.ofSeconds(5));
    }
}
