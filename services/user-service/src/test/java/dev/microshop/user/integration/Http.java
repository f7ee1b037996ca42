package dev.microshop.user.integration;

import dev.microshop.testsupport.TestOperator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.core.env.Environment;

/** Real HTTP calls to the service under test on its port, as the operator or a client behind the gateway. */
final class Http {

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(Environment environment) {
        this.base = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }

    HttpResponse<String> asOperator(String method, String path, String json) {
        return send(request(method, path, json).header("Authorization", TestOperator.basicAuthorization()));
    }

    HttpResponse<String> withAuthorization(String authorization, String method, String path) {
        return send(request(method, path, null).header("Authorization", authorization));
    }

    HttpResponse<String> anonymous(String method, String path) {
        return send(request(method, path, null));
    }

    /** A log-in as the gateway forwards it: from loopback, with the client's address in X-Forwarded-For. */
    HttpResponse<String> logInForwardedFor(String clientAddress, String email, String password) {
        return send(request("POST", "/api/auth/token", """
                {"email":"%s","password":"%s"}""".formatted(email, password))
                .header("X-Forwarded-For", clientAddress));
    }

    static String administrator(String email) {
        return "/actuator/administrators/" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String method, String path, String json) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (json == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
