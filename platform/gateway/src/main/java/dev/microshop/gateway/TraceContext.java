package dev.microshop.gateway;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/** Finds the trace a WebFlux request belongs to through the request's observation, not a thread-local. */
final class TraceContext {

    private TraceContext() {}

    static String traceId(ServerWebExchange exchange) {
        Span span = span(exchange);
        return span == null ? null : span.context().traceId();
    }

    static Span span(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .orElse(null);
    }
}
