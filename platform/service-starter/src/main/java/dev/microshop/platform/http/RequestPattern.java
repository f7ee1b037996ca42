package dev.microshop.platform.http;

import java.util.Arrays;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * A request pattern as the settings write it, {@code "POST /api/users"} or {@code "/api/**"} (any method): public
 * paths and rate-limit classes, in the gateway and in every service alike.
 *
 * @param method the method, {@code null} for any
 * @param path   a Spring path pattern
 */
public record RequestPattern(HttpMethod method, PathPattern path) {

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.values());

    /** Reads {@code "METHOD /path"} or {@code "/path"}; anything else is refused with what is wrong with it. */
    public static RequestPattern parse(String text) {
        String[] parts =
                text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
        if (parts.length == 0 || parts.length > 2) {
            throw invalid(text, "write \"METHOD /path\" or \"/path\"");
        }
        HttpMethod method = parts.length == 2 ? method(text, parts[0]) : null;
        String path = parts[parts.length - 1];
        if (!path.startsWith("/")) {
            throw invalid(text, "the path must start with '/'");
        }
        try {
            return new RequestPattern(method, PathPatternParser.defaultInstance.parse(path));
        } catch (PatternParseException unparsable) {
            throw invalid(text, unparsable.getMessage());
        }
    }

    public boolean matches(HttpMethod requestMethod, PathContainer requestPath) {
        return (method == null || method.equals(requestMethod)) && path.matches(requestPath);
    }

    private static HttpMethod method(String text, String name) {
        // HttpMethod.valueOf accepts any word, and a misspelt method would then match no request at all.
        HttpMethod method = HttpMethod.valueOf(name);
        if (!METHODS.contains(method)) {
            throw invalid(text, "'" + name + "' is not one of " + Arrays.toString(HttpMethod.values()));
        }
        return method;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("Invalid request pattern '" + text + "': " + why);
    }
}
