package dev.microshop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@code @SpringBootTest} against a real PostgreSQL and a real Kafka broker, shared by every test
 * context in the JVM (started on first use, stopped at JVM exit), with the platform servers (config
 * server, Eureka, Zipkin and OTLP export, Spring Cloud Bus) switched off so that no other process needs to run.
 * A test's own {@code @TestPropertySource} overrides the defaults below (the {@code properties} given
 * here do not: Spring ranks this annotation's property source above them).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
@ContextCustomizerFactories(EmbeddedEnginesCustomizerFactory.class)
// No span export, but trace propagation stays on: tests check traceparent headers.
@WithoutPlatform
@TestPropertySource(
        properties = {
            "management.otlp.metrics.export.enabled=false",
            // Test JVMs of several services run side by side and beside a running system: no fixed gRPC port.
            "spring.grpc.server.port=0",
            // A listener that subscribes after the test has sent its record must still see it.
            "spring.kafka.consumer.auto-offset-reset=earliest",
            // No fixed port: the actuator stays on the test's own port (no management port at main port + 10000),
            // where MockMvc and the test's HTTP clients reach it.
            "server.port=0"
        })
public @interface MicroshopIntegrationTest {

    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    @AliasFor(annotation = SpringBootTest.class)
    Class<?>[] classes() default {};

    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
