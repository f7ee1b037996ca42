package dev.microshop.gateway;

import io.micrometer.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One JSON log line per request the gateway answered, rejected ones included, carrying the request's
 * trace and span ids so the line and the Zipkin trace find each other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLog implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> write(exchange, (System.nanoTime() - start) / 1_000_000));
    }

    private static void write(ServerWebExchange exchange, long millis) {
        ServerHttpRequest request = exchange.getRequest();
        Span span = TraceContext.span(exchange);
        if (span != null) {
            MDC.put("traceId", span.context().traceId());
            MDC.put("spanId", span.context().spanId());
        }
        try {
            log.info(
                    "{} {} -> {} in {} ms",
                    request.getMethod(),
                    request.getPath().value(),
                    exchange.getResponse().getStatusCode(),
                    millis);
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }
}
