package dev.microshop.gateway.discovery;

import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import reactor.core.publisher.Flux;

/** The services the gateway's routes name (lb://NAME), each once, as every route locator defines them. */
final class RoutedServices {

    private RoutedServices() {}

    static Flux<String> of(RouteDefinitionLocator routes) {
        return routes.getRouteDefinitions()
                .filter(route ->
                        route.getUri() != null && "lb".equals(route.getUri().getScheme()))
                .map(route -> route.getUri().getHost())
                .distinct();
    }
}
