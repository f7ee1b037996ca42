package dev.microshop.payment.integration;

import dev.microshop.testsupport.MicroshopIntegrationTest;
import dev.microshop.testsupport.TestAccessTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * payment-service against the JVM's real PostgreSQL and Kafka and the real payment provider (its own jar,
 * its own process), configured by the files the config server serves. Every test class extends this, so
 * they share one context; the breaker waits only 2 s when open and retries quickly, to keep tests short.
 */
@MicroshopIntegrationTest
@TestPropertySource(
        properties = {
            "spring.config.import=file:../../config/application.yml,file:../../config/payment-service.yml",
            "management.tracing.export.enabled=true",
            "management.tracing.export.zipkin.enabled=false",
            "management.tracing.export.otlp.enabled=false",
            "resilience4j.circuitbreaker.instances.payment-provider.wait-duration-in-open-state=2s",
            "resilience4j.retry.instances.payment-provider.wait-duration=50ms",
            "microshop.payments.refund-retry-interval=1s",
            // The tests run the reconciler themselves.
            "microshop.payments.reconciliation-interval=1h"
        })
@AutoConfigureMockMvc
@Import(TestAccessTokens.TrustedKey.class)
abstract class PaymentIntegrationTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        properties.add("microshop.payments.provider.base-url", PaymentProviderProcess::url);
    }

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @AfterEach
    void providerBehavesAgain() {
        ProviderAdmin.resetFaults();
        circuitBreakers.circuitBreaker("payment-provider").reset();
    }
}
