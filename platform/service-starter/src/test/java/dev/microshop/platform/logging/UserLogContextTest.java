package dev.microshop.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.ServerHttpObservationFilter;

class UserLogContextTest {

    private static final String ANNA = "5b0c7bde-1c1e-4a39-9d2b-0c1b1f6f3a11";

    private final List<String> userIdsSeen = new ArrayList<>();

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void an_authenticated_request_logs_and_tags_its_caller_and_clears_the_log_context_afterwards() throws Exception {
        authenticate(ANNA);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServerRequestObservationContext span = new ServerRequestObservationContext(request, response);
        request.setAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE, span);

        new UserLogContextFilter()
                .doFilter(request, response, (req, res) -> userIdsSeen.add(MDC.get(LogContext.USER_ID)));

        assertThat(userIdsSeen).containsExactly(ANNA);
        assertThat(span.getHighCardinalityKeyValue(LogContext.USER_ID))
                .isEqualTo(KeyValue.of(LogContext.USER_ID, ANNA));
        assertThat(MDC.get(LogContext.USER_ID)).isNull();
    }

    @Test
    void a_request_without_an_access_token_has_no_user_id() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("operator", "secret"));

        new UserLogContextFilter()
                .doFilter(
                        new MockHttpServletRequest(),
                        new MockHttpServletResponse(),
                        (req, res) -> userIdsSeen.add(MDC.get(LogContext.USER_ID)));

        assertThat(userIdsSeen).containsOnlyNulls();
    }

    @Test
    void every_step_of_an_authenticated_grpc_call_logs_its_caller_and_its_span_is_tagged() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(context -> true);
        Observation call = Observation.start("grpc.server", registry);
        authenticate(ANNA);

        ServerCall.Listener<String> listener;
        try (var scope = call.openScope()) {
            listener =
                    new UserLogContextInterceptor(registry).interceptCall(mock(), new Metadata(), recordingHandler());
        }
        // Spring gRPC's authentication clears the security context once the call has started.
        SecurityContextHolder.clearContext();
        listener.onMessage("GetUser");
        listener.onHalfClose();
        listener.onComplete();

        assertThat(userIdsSeen).containsExactly(ANNA, ANNA, ANNA, ANNA);
        assertThat(call.getContext().getHighCardinalityKeyValue(LogContext.USER_ID))
                .isEqualTo(KeyValue.of(LogContext.USER_ID, ANNA));
        assertThat(MDC.get(LogContext.USER_ID)).isNull();
    }

    @Test
    void a_grpc_call_without_an_access_token_has_no_user_id() {
        ServerCall.Listener<String> listener = new UserLogContextInterceptor(ObservationRegistry.NOOP)
                .interceptCall(mock(), new Metadata(), recordingHandler());
        listener.onHalfClose();

        assertThat(userIdsSeen).containsOnlyNulls().hasSize(2);
    }

    private ServerCallHandler<String, String> recordingHandler() {
        return (call, headers) -> {
            userIdsSeen.add(MDC.get(LogContext.USER_ID));
            return new ServerCall.Listener<>() {
                @Override
                public void onMessage(String message) {
                    userIdsSeen.add(MDC.get(LogContext.USER_ID));
                }

                @Override
                public void onHalfClose() {
                    userIdsSeen.add(MDC.get(LogContext.USER_ID));
                }

                @Override
                public void onComplete() {
                    userIdsSeen.add(MDC.get(LogContext.USER_ID));
                }
            };
        };
    }

    private static void authenticate(String subject) {
        Jwt token = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }
}
