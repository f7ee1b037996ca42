package dev.microshop.gateway.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Buckets in this gateway's memory, at most {@code maxKeys} of them: a flood of new addresses evicts the least
 * recently seen callers, who come back to a full bucket, instead of exhausting the heap.
 */
final class LocalBuckets implements BucketStore {

    private final Map<String, Bucket> buckets;

    LocalBuckets(int maxKeys) {
        this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        });
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration) {
        Bucket bucket = buckets.computeIfAbsent(key, newKey -> newBucket(configuration));
        return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
    }

    private static Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth limit : configuration.getBandwidths()) {
            builder.addLimit(limit);
        }
        return builder.build();
    }
}
