package dev.microshop.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/** Logs each route's circuit breaker changing state: opening is a warning, the rest is news. */
@Component
class CircuitBreakerLog {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerLog.class);

    CircuitBreakerLog(ReactiveResilience4JCircuitBreakerFactory factory) {
        CircuitBreakerRegistry breakers = factory.getCircuitBreakerRegistry();
        breakers.getAllCircuitBreakers().forEach(CircuitBreakerLog::watch);
        breakers.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
    }

    private static void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                log.warn(
                        "Circuit breaker of route {} opened: {}% of its recent calls failed",
                        event.getCircuitBreakerName(), breaker.getMetrics().getFailureRate());
            } else {
                log.info("Circuit breaker of route {}: {}", event.getCircuitBreakerName(), event.getStateTransition());
            }
        });
    }
}
