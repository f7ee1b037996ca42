package dev.microshop.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ConnectTimeoutException;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A service that is down, restarting or not yet in discovery is the system's trouble, not the client's
 * and not a bug: 503 problem+json with Retry-After (504 when it did not answer in time), never a 500.
 */
@Component
@Order(-2)
class UnreachableServiceHandler implements WebExceptionHandler {

    private final ProblemResponses problems;

    UnreachableServiceHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof NotFoundException || failure instanceof ConnectException
                || failure instanceof ConnectTimeoutException) {
            exchange.getResponse().getHeaders().set("Retry-After", "2");
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "The service for this request is not available right now; try again shortly");
        }
        if (failure instanceof TimeoutException
                || failure instanceof org.springframework.cloud.gateway.support.TimeoutException) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time");
        }
        return Mono.error(failure);
    }
}
