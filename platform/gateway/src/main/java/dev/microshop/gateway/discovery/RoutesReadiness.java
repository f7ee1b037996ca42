package dev.microshop.gateway.discovery;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Part of the gateway's readiness ("routes"): it is ready once the load balancer has found an instance of every
 * service a route names (lb://NAME), so the first request after start-up is routed instead of answered 503 while
 * discovery catches up. It asks the load balancer itself, whose cache is what a request meets. Once every route has
 * been resolvable it stays UP: a service that goes away later is the circuit breaker's business, not a reason to
 * take the whole gateway out of service.
 */
@Component("routes")
class RoutesReadiness implements ReactiveHealthIndicator {

    private final RouteDefinitionLocator routes;
    private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers;
    private final Set<String> resolved = ConcurrentHashMap.newKeySet();
    private volatile boolean warm;

    RoutesReadiness(RouteDefinitionLocator routes, ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers) {
        this.routes = routes;
        this.loadBalancers = loadBalancers;
    }

    @Override
    public Mono<Health> health() {
        if (warm) {
            return Mono.just(Health.up().build());
        }
        return RoutedServices.of(routes)
                .flatMap(service -> resolved.contains(service)
                        ? Mono.just(Map.entry(service, true))
                        : Flux.from(loadBalancers.getInstance(service).choose())
                                .next()
                                .map(Response::hasServer)
                                .defaultIfEmpty(false)
                                .doOnNext(found -> {
                                    if (found) {
                                        resolved.add(service);
                                    }
                                })
                                .map(found -> Map.entry(service, found)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .map(services -> {
                    if (!services.containsValue(false)) {
                        warm = true;
                        return Health.up().withDetails(Map.copyOf(services)).build();
                    }
                    return Health.outOfService()
                            .withDetail("reason", "no instance of every routed service yet")
                            .withDetails(Map.copyOf(services))
                            .build();
                });
    }
}
