package dev.microshop.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import reactor.core.publisher.Flux;

/** The documents Swagger UI lists follow discovery: routed services that are registered, and only those. */
class ApiDocsCatalogTest {

    private final List<String> registered = new ArrayList<>();
    private final SwaggerUiConfigProperties swaggerUi = new SwaggerUiConfigProperties();
    private final ApiDocsCatalog catalog = new ApiDocsCatalog(swaggerUi, discovery(), routes());

    @Test
    void a_routed_service_is_listed_once_it_registers_and_no_longer_once_it_is_gone() {
        registered.addAll(List.of("ORDER-SERVICE", "user-service", "config-server"));
        catalog.refresh();
        assertThat(swaggerUi.getUrls())
                .extracting(SwaggerUrl::getName, SwaggerUrl::getUrl)
                .containsExactly(
                        tuple("order-service", "/api-docs/order-service"),
                        tuple("user-service", "/api-docs/user-service"));

        registered.remove("user-service");
        catalog.refresh();
        assertThat(swaggerUi.getUrls()).extracting(SwaggerUrl::getName).containsExactly("order-service");
    }

    private static RouteDefinitionLocator routes() {
        return () -> Flux.just(route("lb://user-service"), route("lb://order-service"), route("http://127.0.0.1:9411"));
    }

    private static RouteDefinition route(String uri) {
        RouteDefinition route = new RouteDefinition();
        route.setId(uri);
        route.setUri(URI.create(uri));
        return route;
    }

    private DiscoveryClient discovery() {
        return new DiscoveryClient() {
            @Override
            public String description() {
                return "a test's registry";
            }

            @Override
            public List<ServiceInstance> getInstances(String serviceId) {
                return List.of();
            }

            @Override
            public List<String> getServices() {
                return List.copyOf(registered);
            }
        };
    }
}
