package dev.microshop.notification.integration;

import dev.microshop.testsupport.MicroshopIntegrationTest;
import dev.microshop.testsupport.TestAccessTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * notification-service on a real port against the JVM's real PostgreSQL and Kafka, configured by the very files the
 * config server serves (config/application.yml, config/notification-service.yml), trusting tokens signed with
 * {@link TestAccessTokens}' key. Every test class uses exactly this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MicroshopIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "spring.config.import=file:../../config/application.yml,file:../../config/notification-service.yml",
            // A quiet stream shows its keep-alive within a test's patience.
            "microshop.notifications.stream.keep-alive-interval=1s"
        })
@AutoConfigureMockMvc
@Import(TestAccessTokens.TrustedKey.class)
@interface NotificationServiceIntegrationTest {}
