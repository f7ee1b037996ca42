package dev.microshop.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import dev.microshop.gateway.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where every route's circuit breaker forwards a request it could not get answered ({@code fallbackUri:
 * forward:/fallback}): open breaker, full bulkhead, unreachable or silent service. {@link ServiceFailures} answers.
 */
@RestController
class ServiceFallback {

    private final ServiceFailures failures;
    private final ProblemResponses problems;

    ServiceFallback(ServiceFailures failures, ProblemResponses problems) {
        this.failures = failures;
        this.problems = problems;
    }

    @RequestMapping("/fallback")
    Mono<Void> answer(ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // Called directly rather than forwarded by a breaker: there is nothing here.
            return problems.write(exchange, HttpStatus.NOT_FOUND, "No such resource");
        }
        return failures.answer(exchange, failure);
    }
}
