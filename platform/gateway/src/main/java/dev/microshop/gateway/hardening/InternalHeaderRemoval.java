package dev.microshop.gateway.hardening;

import dev.microshop.platform.config.LiveSettings;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes the headers only the system itself may set ({@code microshop.gateway.requests.internal-headers}) from every
 * client request before anything reads them, so that no client can pose as a user or as another service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class InternalHeaderRemoval implements WebFilter {

    private final LiveSettings<RequestProperties> settings;

    InternalHeaderRemoval(LiveSettings<RequestProperties> settings) {
        this.settings = settings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestProperties requests = settings.current();
        List<String> internal = exchange.getRequest().getHeaders().headerNames().stream()
                .filter(requests::isInternal)
                .toList();
        if (internal.isEmpty()) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> internal.forEach(headers::remove)))
                .build());
    }
}
