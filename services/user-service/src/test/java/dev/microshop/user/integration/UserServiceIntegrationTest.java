package dev.microshop.user.integration;

import dev.microshop.testsupport.MicroshopIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * user-service against the JVM's real PostgreSQL and Kafka, configured by the very files the config server serves
 * (config/application.yml, config/user-service.yml), on a random port: most tests call it through MockMvc, those
 * about the management endpoints and client addresses over real HTTP ({@link Http}). Every test class uses exactly
 * this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MicroshopIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.config.import=file:../../config/application.yml,file:../../config/user-service.yml",
            // Switching all tracing export off would also switch off propagation (a no-op propagator), and the tests
            // check the traceparent header of events: switch off only the exporters.
            "management.tracing.export.enabled=true",
            "management.tracing.export.zipkin.enabled=false",
            "management.tracing.export.otlp.enabled=false"
        })
@AutoConfigureMockMvc
@interface UserServiceIntegrationTest {}
