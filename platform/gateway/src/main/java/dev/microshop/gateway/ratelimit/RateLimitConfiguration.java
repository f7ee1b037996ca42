package dev.microshop.gateway.ratelimit;

import dev.microshop.gateway.ProblemResponses;
import dev.microshop.platform.config.LiveSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Rate limits from {@code microshop.gateway.rate-limits}, with buckets in memory or in Redis. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    LiveSettings<RateLimitProperties> rateLimitSettings(Environment environment) {
        return new LiveSettings<>(environment, "microshop.gateway.rate-limits", RateLimitProperties.class);
    }

    /** Chosen once: switching stores at runtime would lose every bucket anyway, so a restart is as good. */
    @Bean
    BucketStore rateLimitBuckets(LiveSettings<RateLimitProperties> settings) {
        RateLimitProperties atStart = settings.current();
        return switch (atStart.mode()) {
            case MEMORY -> new LocalBuckets(atStart.maxKeys());
            case REDIS -> new RedisBuckets(atStart.redisUrl(), atStart.redisTimeout());
        };
    }

    @Bean
    RateLimits rateLimits(
            LiveSettings<RateLimitProperties> settings,
            BucketStore buckets,
            ProblemResponses problems,
            MeterRegistry meters) {
        return new RateLimits(settings, buckets, problems, meters);
    }
}
