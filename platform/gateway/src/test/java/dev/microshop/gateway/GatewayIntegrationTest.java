package dev.microshop.gateway;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.microshop.testsupport.TestAccessTokens;
import dev.microshop.testsupport.TestOperator;
import dev.microshop.testsupport.WithoutPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port with its real routes and protections from config/gateway.yml, every service
 * (and user-service's JWKS) played by one {@link TestBackend}; no config server, registry, bus or span export. All
 * test classes extending this share one application context. Breakers and bulkheads are made small and quick here.
 */
@WithoutPlatform
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.import=file:../../config/gateway.yml",
            "microshop.management.operator.password=" + TestOperator.PASSWORD,
            "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
            "resilience4j.bulkhead.configs.default.max-concurrent-calls=3"
        })
@Import(TestAccessTokens.TrustedKey.class)
abstract class GatewayIntegrationTest {

    static final TestBackend backend = TestBackend.shared();
    static final List<String> SERVICES =
            List.of("user-service", "inventory-service", "order-service", "notification-service", "payment-service");

    private static final HttpClient CLIENT = client(null);

    @LocalServerPort
    int port;

    @Autowired
    private JWKSource<SecurityContext> testKey;

    @DynamicPropertySource
    static void servicesAtTheBackend(DynamicPropertyRegistry properties) {
        for (String service : SERVICES) {
            properties.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", backend::url);
        }
    }

    @BeforeEach
    void serveTestKeys() {
        backend.serveKeys(((ImmutableJWKSet<SecurityContext>) testKey)
                .getJWKSet()
                .toPublicJWKSet()
                .toString());
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(20));
    }

    HttpRequest.Builder request(String pathAndQuery, String token) {
        return request(pathAndQuery).header("Authorization", "Bearer " + token);
    }

    static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client whose connections come from {@code loopbackAddress} (all of 127.0.0.0/8 is local): another client IP. */
    static HttpClient client(String loopbackAddress) {
        HttpClient.Builder client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2));
        if (loopbackAddress != null) {
            try {
                client.localAddress(InetAddress.getByName(loopbackAddress));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(loopbackAddress, e);
            }
        }
        return client.build();
    }

    static Map<String, List<String>> headersOf(HttpResponse<?> response) {
        return response.headers().map();
    }
}
