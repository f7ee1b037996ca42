package dev.microshop.platform.logging;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Puts the caller's {@code user_id} on every log line of an authenticated gRPC call and on its span. Runs inside
 * Spring gRPC's authentication (order -10), which puts the bearer token's {@code Jwt} in the security context, and
 * inside its observation (order 0). gRPC may run each step of a call on another thread, so the MDC entry is set
 * around each step.
 */
class UserLogContextInterceptor implements ServerInterceptor, Ordered {

    private final ObservationRegistry observations;

    UserLogContextInterceptor(ObservationRegistry observations) {
        this.observations = observations;
    }

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String userId =
                UserLogContextFilter.userId(SecurityContextHolder.getContext().getAuthentication());
        if (userId == null) {
            return next.startCall(call, headers);
        }
        Observation observation = observations.getCurrentObservation();
        if (observation != null) {
            observation.highCardinalityKeyValue(LogContext.USER_ID, userId);
        }
        ServerCall.Listener<Q> listener;
        try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
            listener = next.startCall(call, headers);
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
                    super.onMessage(message);
                }
            }

            @Override
            public void onHalfClose() {
                try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
                    super.onHalfClose();
                }
            }

            @Override
            public void onCancel() {
                try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
                    super.onCancel();
                }
            }

            @Override
            public void onComplete() {
                try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
                    super.onComplete();
                }
            }

            @Override
            public void onReady() {
                try (var ignored = MDC.putCloseable(LogContext.USER_ID, userId)) {
                    super.onReady();
                }
            }
        };
    }
}
