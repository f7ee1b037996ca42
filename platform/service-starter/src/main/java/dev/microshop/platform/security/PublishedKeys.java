package dev.microshop.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Resource;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;

/**
 * The signing keys user-service publishes, as a service checking tokens sees them: cached, and fetched again for
 * an unknown {@code kid} at most once per {@link #MIN_REFETCH_INTERVAL}, so tokens with made-up key ids cannot
 * make every request a JWKS request. A genuinely new key (after a rotation) is found by the first token that uses it.
 */
final class PublishedKeys {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration CACHE_TIME_TO_LIVE = Duration.ofMinutes(5);

    private PublishedKeys() {}

    /** {@code jwkSetUri} may name a service ({@code http://user-service/...}) that {@code client} resolves. */
    static JWKSource<SecurityContext> from(String jwkSetUri, RestOperations client) {
        return JWKSourceBuilder.<SecurityContext>create(url(jwkSetUri), url -> fetch(client, url))
                .cache(
                        CACHE_TIME_TO_LIVE.toMillis(),
                        READ_TIMEOUT.plus(CONNECT_TIMEOUT).toMillis())
                .rateLimited(MIN_REFETCH_INTERVAL.toMillis())
                .retrying(false)
                .build();
    }

    private static Resource fetch(RestOperations client, URL url) throws IOException {
        try {
            return new Resource(client.getForObject(url.toURI(), String.class), "application/json");
        } catch (RestClientException | URISyntaxException e) {
            throw new IOException("Could not fetch the signing keys from " + url + ": " + e.getMessage(), e);
        }
    }

    private static URL url(String jwkSetUri) {
        try {
            return URI.create(jwkSetUri).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("microshop.security.jwt.jwk-set-uri is not a URL: " + jwkSetUri, e);
        }
    }
}
