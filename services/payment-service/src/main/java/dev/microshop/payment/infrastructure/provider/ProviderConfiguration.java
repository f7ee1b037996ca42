package dev.microshop.payment.infrastructure.provider;

import dev.microshop.payment.application.port.PaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The payment provider behind {@link PaymentGateway}: HTTP client, resilience, anti-corruption layer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderProperties.class)
class ProviderConfiguration {

    /** The Resilience4j instance name of every provider call. */
    static final String PROVIDER = "payment-provider";

    @Bean
    PaymentGateway paymentGateway(
            RestClient.Builder restClients,
            ProviderProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters) {
        RestClient http = restClients
                .clone()
                .baseUrl(properties.baseUrl())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk()
                        .build(HttpClientSettings.defaults()
                                .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        ProviderResilience resilience = new ProviderResilience(
                retries.retry(PROVIDER),
                circuitBreakers.circuitBreaker(PROVIDER),
                timeLimiters.timeLimiter(PROVIDER),
                callThreads());
        return new ProviderPaymentGateway(new ProviderClient(http), resilience);
    }

    /** Threads for the time-limited calls, carrying the caller's trace context (virtual: nothing to size or shut down). */
    private static ExecutorService callThreads() {
        return ContextExecutorService.wrap(
                Executors.newVirtualThreadPerTaskExecutor(),
                ContextSnapshotFactory.builder().build());
    }
}
