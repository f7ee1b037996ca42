package dev.microshop.gateway.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/** Where the token buckets live: in this gateway's memory, or in Redis for every gateway instance. */
interface BucketStore {

    /**
     * Takes one token from the bucket {@code key}, creating it full with {@code configuration} if it is new.
     * Completes empty when the bucket could not be reached: the request then goes unchecked.
     */
    Mono<ConsumptionProbe> tryConsume(String key, BucketConfiguration configuration);
}
