package dev.microshop.gateway.ratelimit;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** {@code "POST /api/users"} or {@code "/api/**"}: a method (or any) and a Spring path pattern. */
record RequestPattern(HttpMethod method, PathPattern path) {

    static RequestPattern parse(String text) {
        String[] methodAndPath = text.trim().split("\\s+", 2);
        return methodAndPath.length == 2
                ? new RequestPattern(HttpMethod.valueOf(methodAndPath[0]), path(methodAndPath[1]))
                : new RequestPattern(null, path(methodAndPath[0]));
    }

    boolean matches(ServerHttpRequest request) {
        return (method == null || method.equals(request.getMethod()))
                && path.matches(request.getPath().pathWithinApplication());
    }

    private static PathPattern path(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
