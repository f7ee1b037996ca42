package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Swagger UI at /swagger-ui.html lists every service's OpenAPI document, read through the service's route. */
class SwaggerUiTest extends GatewayIntegrationTest {

    @Test
    void the_ui_is_public_and_lists_one_document_per_routed_service() {
        HttpResponse<String> config =
                send(request("/v3/api-docs/swagger-config").build());

        assertThat(config.statusCode()).isEqualTo(200);
        for (String service : SERVICES) {
            assertThat(config.body()).contains("\"url\":\"/api-docs/" + service + "\"", "\"name\":\"" + service + "\"");
        }
        HttpResponse<String> page = send(
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                request("/swagger-ui.html").header("Accept", "text/html").build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).startsWith("/swagger-ui/");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void a_services_document_comes_from_its_own_v3_api_docs_without_a_token() {
        int before = backend.hits("/v3/api-docs");

        HttpResponse<String> document =
                send(request("/api-docs/inventory-service").build());

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(backend.hits("/v3/api-docs")).isEqualTo(before + 1);
    }
}
