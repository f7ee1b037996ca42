package dev.microshop.inventory.integration;

import dev.microshop.testsupport.MicroshopIntegrationTest;
import dev.microshop.testsupport.TestAccessTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * inventory-service against the JVM's real PostgreSQL and Kafka, configured by the very files the config server
 * serves (config/application.yml, config/inventory-service.yml), checking access tokens signed by
 * {@link TestAccessTokens}. Every test class uses exactly this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MicroshopIntegrationTest
@TestPropertySource(
        properties = {
            "spring.config.import=file:../../config/application.yml,file:../../config/inventory-service.yml",
            // Switching all tracing export off would also switch off propagation (a no-op propagator), and the tests
            // check the traceparent header of events: switch off only the exporters.
            "management.tracing.export.enabled=true",
            "management.tracing.export.zipkin.enabled=false",
            "management.tracing.export.otlp.enabled=false"
        })
@AutoConfigureMockMvc
@Import(TestAccessTokens.TrustedKey.class)
@interface InventoryServiceIntegrationTest {}
