package dev.microshop.platform.scheduling;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The clock use cases read the time from, and scheduling for the {@code @Scheduled} triggers of a service. */
@AutoConfiguration
@EnableScheduling
public class SchedulingAutoConfiguration {

    /** Ticks in microseconds, as PostgreSQL stores time: an instant reads the same before and after storing. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
