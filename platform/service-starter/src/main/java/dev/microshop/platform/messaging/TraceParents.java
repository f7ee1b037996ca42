package dev.microshop.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Keeps the W3C trace context of the request that appended an event, and continues that trace when the
 * relay publishes the event later on another thread, so one order stays one trace across Kafka.
 */
class TraceParents {

    private static final String TRACEPARENT = "traceparent";

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    TraceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context as a traceparent header value, or null outside a trace. */
    String current() {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        TraceContext context = currentTracer == null
                ? null
                : currentTracer.currentTraceContext().context();
        if (context == null || currentPropagator == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        currentPropagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Runs {@code work} inside a span that continues the stored trace (a new trace when there is none). */
    void continueTrace(String traceparent, String spanName, Runnable work) {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        if (currentTracer == null || currentPropagator == null) {
            work.run();
            return;
        }
        Span span = (traceparent == null
                        ? currentTracer.spanBuilder()
                        : currentPropagator.extract(Map.of(TRACEPARENT, traceparent), Map::get))
                .name(spanName)
                .start();
        try (Tracer.SpanInScope scope = currentTracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
