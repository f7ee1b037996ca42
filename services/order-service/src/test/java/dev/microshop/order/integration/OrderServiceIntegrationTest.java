package dev.microshop.order.integration;

import dev.microshop.testsupport.MicroshopIntegrationTest;
import dev.microshop.testsupport.TestAccessTokens;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * order-service against the JVM's real PostgreSQL and Kafka, configured by the very files the config server serves
 * (config/application.yml, config/order-service.yml), with fakes of user-service and inventory-service behind a
 * real loopback gRPC server that discovery points to, and access tokens signed by {@link TestAccessTokens}. Every test
 * class uses exactly this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MicroshopIntegrationTest
@TestPropertySource(
        properties = {
            "spring.config.import=file:../../config/application.yml,file:../../config/order-service.yml",
            // Switching all tracing export off would also switch off propagation (a no-op propagator), and the tests
            // check the traceparent header of events: switch off only the exporters.
            "management.tracing.export.enabled=true",
            "management.tracing.export.zipkin.enabled=false",
            "management.tracing.export.otlp.enabled=false",
            // Overdue orders are found quickly; the tests make an order overdue by moving its placement back.
            "microshop.orders.saga.check-interval=500ms",
            "microshop.orders.saga.first-check-after=500ms",
            // Other tests leave orders PENDING, and must never see new ones refused: only OrderAdmissionTest, which
            // sets a backlog of its own, makes the saga count as behind. The backlog is measured often, so its tests
            // wait little for the scheduled check.
            "microshop.orders.admission.backlog-orders=1000000",
            "microshop.orders.admission.check-interval=100ms",
            "microshop.messaging.outbox.poll-millis=100"
        })
@ContextConfiguration(initializers = FakeRemoteServices.Discovery.class)
@AutoConfigureMockMvc
@Import(TestAccessTokens.TrustedKey.class)
@interface OrderServiceIntegrationTest {}
