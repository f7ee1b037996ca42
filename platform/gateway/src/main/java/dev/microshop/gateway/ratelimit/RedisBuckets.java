package dev.microshop.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Buckets in Redis, shared by every gateway instance: Bucket4j's compare-and-swap over Lettuce's asynchronous API,
 * so no event-loop thread ever waits for Redis.
 * <p>
 * Fails open: while Redis is down or slower than the timeout, requests pass unchecked. Rate limits protect the
 * shop from overload and abuse; turning every customer away because the limiter's store is gone would be a worse
 * outage than a few minutes without limits. The outage is logged once as a warning, and its end once.
 */
final class RedisBuckets implements BucketStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);
    /** A bucket's key stays this long after it would be full again; a full bucket is the same as none. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final RedisURI server;
    private final Duration timeout;
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    private volatile CompletableFuture<StatefulRedisConnection<String, byte[]>> connection;
    private volatile CompletableFuture<AsyncProxyManager<String>> buckets;
    private volatile long lastConnectNanos;

    RedisBuckets(String redisUrl, Duration timeout) {
        this.server = RedisURI.create(redisUrl);
        this.timeout = timeout;
        this.client = RedisClient.create();
        // Commands sent while disconnected fail at once instead of queueing until Redis is back.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        connect();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        return Mono.fromFuture(() -> buckets()
                        .thenCompose(manager -> manager.builder()
                                .build(key, () -> CompletableFuture.completedFuture(configuration))
                                .tryConsumeAndReturnRemaining(1)))
                .timeout(timeout)
                .doOnNext(probe -> answered())
                .onErrorResume(failure -> {
                    unreachable(failure);
                    return Mono.empty();
                });
    }

    @Override
    public void close() {
        connection.thenAccept(StatefulRedisConnection::close);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    /** The bucket manager; after a failed connection attempt, a new attempt at most every {@link #RECONNECT_PAUSE}. */
    private CompletableFuture<AsyncProxyManager<String>> buckets() {
        if (mayReconnect()) {
            synchronized (this) {
                if (mayReconnect()) {
                    connect();
                }
            }
        }
        return buckets;
    }

    private boolean mayReconnect() {
        return buckets.isCompletedExceptionally() && System.nanoTime() - lastConnectNanos > RECONNECT_PAUSE.toNanos();
    }

    /** Once connected, Lettuce reconnects by itself; a first connection that fails is retried by {@link #buckets()}. */
    private void connect() {
        lastConnectNanos = System.nanoTime();
        connection = client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), server)
                .toCompletableFuture();
        ExpirationAfterWriteStrategy expiry =
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);
        buckets = connection.thenApply(connected -> Bucket4jLettuce.casBasedBuilder(connected)
                .expirationAfterWrite(expiry)
                .build()
                .asAsync());
    }

    private void unreachable(Throwable failure) {
        if (reachable.compareAndSet(true, false)) {
            log.warn(
                    "Rate limits are off while Redis at {}:{} does not answer within {} ms ({}); "
                            + "requests pass unchecked",
                    server.getHost(),
                    server.getPort(),
                    timeout.toMillis(),
                    failure.toString());
        }
    }

    private void answered() {
        if (reachable.compareAndSet(false, true)) {
            log.info("Redis at {}:{} answers again; rate limits apply", server.getHost(), server.getPort());
        }
    }
}
