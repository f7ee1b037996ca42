package dev.microshop.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.testsupport.WithoutPlatform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console: only the operator gets in, changes need the CSRF token, and secrets stay masked in what it shows. */
@WithoutPlatform
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.import=file:../../config/admin-server.yml",
            "microshop.management.operator.password=" + AdminServerTest.PASSWORD
        })
class AdminServerTest {

    static final String PASSWORD = "console-test-password";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void a_browser_without_a_session_is_sent_to_the_log_in_form() throws Exception {
        HttpResponse<String> page =
                send(request("/").header("Accept", "text/html").GET());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(send(request("/login").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void the_operator_lists_the_applications_and_a_wrong_password_is_refused() throws Exception {
        HttpResponse<String> applications = send(asOperator(PASSWORD, request("/applications"))
                .header("Accept", "application/json")
                .GET());
        assertThat(applications.statusCode()).isEqualTo(200);
        assertThat(applications.body()).startsWith("[");

        assertThat(send(asOperator("wrong", request("/applications")).GET()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_change_without_the_csrf_token_is_refused_even_for_the_operator() throws Exception {
        HttpResponse<String> registration = send(asOperator(PASSWORD, request("/instances"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"rogue\",\"healthUrl\":\"http://127.0.0.1:1/health\"}")));

        // Spring Security checks the token before the credentials, so the refusal is the log-in challenge.
        assertThat(registration.statusCode()).isIn(401, 403);
        assertThat(send(asOperator(PASSWORD, request("/applications")).GET()).body())
                .doesNotContain("rogue");
    }

    @Test
    void the_environment_it_shows_masks_every_secret() throws Exception {
        HttpResponse<String> env =
                send(asOperator(PASSWORD, request("/actuator/env/microshop.management.operator.password"))
                        .GET());

        assertThat(env.statusCode()).isEqualTo(200);
        assertThat(env.body()).contains("******").doesNotContain(PASSWORD);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private static HttpRequest.Builder asOperator(String password, HttpRequest.Builder request) {
        return request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
