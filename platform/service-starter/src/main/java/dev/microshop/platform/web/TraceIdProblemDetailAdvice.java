package dev.microshop.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Adds the trace id to every problem-details body a servlet service writes, whoever built it. */
@RestControllerAdvice
public class TraceIdProblemDetailAdvice implements ResponseBodyAdvice<Object> {

    private final TraceIds traceIds;

    public TraceIdProblemDetailAdvice(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            String traceId = traceIds.current();
            if (traceId != null
                    && (problem.getProperties() == null
                            || !problem.getProperties().containsKey("traceId"))) {
                problem.setProperty("traceId", traceId);
            }
        }
        return body;
    }
}
