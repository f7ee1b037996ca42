package dev.microshop.platform.security;

import dev.microshop.platform.web.TraceIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers missing or bad credentials (401, with the scheme's challenge) and a forbidden call (403) with
 * problem+json, as every other error.
 */
public class ProblemDetailsSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final TraceIds traceIds;
    private final String challenge;
    private final String missingCredentials;

    private ProblemDetailsSecurityHandler(
            JsonMapper json, TraceIds traceIds, String challenge, String missingCredentials) {
        this.json = json;
        this.traceIds = traceIds;
        this.challenge = challenge;
        this.missingCredentials = missingCredentials;
    }

    /** For requests that carry a user's access token. */
    public static ProblemDetailsSecurityHandler forAccessTokens(JsonMapper json, TraceIds traceIds) {
        return new ProblemDetailsSecurityHandler(json, traceIds, "Bearer", "A valid access token is required");
    }

    /** For the management endpoints, which answer the operator's HTTP Basic credentials. */
    public static ProblemDetailsSecurityHandler forOperator(JsonMapper json, TraceIds traceIds) {
        return new ProblemDetailsSecurityHandler(
                json, traceIds, "Basic realm=\"microshop management\"", "The operator's credentials are required");
    }

    /** For the API of a platform server (registry, config server), which answers the platform's HTTP Basic credentials. */
    public static ProblemDetailsSecurityHandler forPlatform(JsonMapper json, TraceIds traceIds) {
        return new ProblemDetailsSecurityHandler(
                json, traceIds, "Basic realm=\"microshop platform\"", "The platform's credentials are required");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, HttpStatus.UNAUTHORIZED, missingCredentials + ": " + failure.getMessage(), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Your role does not allow this request", request);
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail, HttpServletRequest request)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        String traceId = traceIds.current();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
