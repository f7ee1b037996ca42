package dev.microshop.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A Spring process under test without the platform's other processes: no config server, no registration in or
 * lookups from Eureka, no Spring Cloud Bus, no span export, and no lines appended to the running system's
 * .microshop/logs/. {@link MicroshopIntegrationTest} carries it; a test of a process without a database or Kafka uses it
 * beside {@code @SpringBootTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(
        properties = {
            "spring.cloud.config.enabled=false",
            "spring.cloud.config.import-check.enabled=false",
            "eureka.client.enabled=false",
            "spring.cloud.service-registry.auto-registration.enabled=false",
            "spring.cloud.bus.enabled=false",
            "management.tracing.export.zipkin.enabled=false",
            "management.tracing.export.otlp.enabled=false",
            "logging.file.name="
        })
public @interface WithoutPlatform {}
