package dev.microshop.gateway.discovery;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Swagger UI's list of documents (/swagger-ui.html): one per service the gateway routes to (lb://NAME) that discovery
 * knows now, read through that service's route at /api-docs/NAME. Made again whenever the discovery client refreshes
 * its view of the registry, so a service that registers appears and one that is gone leaves.
 */
@Component
class ApiDocsCatalog {

    static final String DOCUMENTS = "/api-docs/";

    private final SwaggerUiConfigProperties swaggerUi;
    private final DiscoveryClient discovery;
    private final RouteDefinitionLocator routes;

    ApiDocsCatalog(SwaggerUiConfigProperties swaggerUi, DiscoveryClient discovery, RouteDefinitionLocator routes) {
        this.swaggerUi = swaggerUi;
        this.discovery = discovery;
        this.routes = routes;
    }

    @EventListener({ApplicationReadyEvent.class, HeartbeatEvent.class})
    void refresh() {
        Set<String> registered = discovery.getServices().stream()
                .map(service -> service.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<SwaggerUrl> documents = new TreeSet<>(Comparator.comparing(SwaggerUrl::getName));
        // Not on an event loop: discovery's refresh thread, or start-up. The route definitions are in memory.
        RoutedServices.of(routes)
                .filter(service -> registered.contains(service.toLowerCase(Locale.ROOT)))
                .doOnNext(service -> documents.add(new SwaggerUrl(service, DOCUMENTS + service, service)))
                .blockLast();
        swaggerUi.setUrls(documents);
    }
}
