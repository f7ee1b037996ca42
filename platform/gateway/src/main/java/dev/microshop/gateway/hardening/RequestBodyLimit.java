package dev.microshop.gateway.hardening;

import dev.microshop.gateway.ProblemResponses;
import dev.microshop.platform.config.LiveSettings;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code microshop.gateway.requests.max-body-size} with 413: at once when Content-Length
 * says so, and while reading for a chunked body that grows past it. The gateway buffers a body before routing (to
 * retry or fall back), so without this cap one client could fill its memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestBodyLimit implements WebFilter {

    private final LiveSettings<RequestProperties> settings;
    private final ProblemResponses problems;

    RequestBodyLimit(LiveSettings<RequestProperties> settings, ProblemResponses problems) {
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = settings.current().maxBodySize().toBytes();
        if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
            return tooLarge(exchange, maxBytes);
        }
        ServerWebExchange counted = exchange.mutate()
                .request(new CountedBody(exchange.getRequest(), maxBytes))
                .build();
        return chain.filter(counted)
                .onErrorResume(
                        RequestBodyTooLargeException.class,
                        tooLarge -> exchange.getResponse().isCommitted()
                                ? Mono.error(tooLarge)
                                : tooLarge(exchange, maxBytes));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long maxBytes) {
        return problems.write(
                exchange,
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + maxBytes + " bytes the gateway accepts");
    }

    /** A request whose body fails with {@link RequestBodyTooLargeException} once more than the limit has come. */
    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountedBody(ServerHttpRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestBodyTooLargeException(maxBytes));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
