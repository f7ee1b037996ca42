package dev.microshop.gateway.resilience;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers a service's failure to answer that no circuit breaker's fallback took: 503/504 problem+json (see
 * {@link ServiceFailures}). Runs before Boot's error handler, which would make a 500 of it.
 */
@Component
@Order(-2)
class UnreachableServiceHandler implements WebExceptionHandler {

    private final ServiceFailures failures;

    UnreachableServiceHandler(ServiceFailures failures) {
        this.failures = failures;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return failures.answer(exchange, failure);
    }
}
