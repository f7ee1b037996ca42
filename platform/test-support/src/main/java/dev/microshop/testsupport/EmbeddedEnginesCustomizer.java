package dev.microshop.testsupport;

import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points the context at the JVM's shared PostgreSQL and Kafka, and gives it the test operator's password. A record without state: all
 * customizers are equal, so it does not split Spring's context cache.
 */
record EmbeddedEnginesCustomizer() implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "microshopEmbeddedEngines";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        EmbeddedEngines engines = EmbeddedEngines.get();
        MapPropertySource enginesSource = new MapPropertySource(
                PROPERTY_SOURCE_NAME,
                Map.of(
                        "spring.datasource.url", engines.postgres().jdbcUrl(),
                        "spring.datasource.username", engines.postgres().username(),
                        "spring.datasource.password", engines.postgres().password(),
                        "spring.kafka.bootstrap-servers", engines.kafka().bootstrapServers(),
                        "microshop.management.operator.password", TestOperator.PASSWORD));
        // Above every file (a service's application.yml names the local system's servers), below the
        // test's own inlined properties, so a test can still point elsewhere on purpose.
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, enginesSource);
        } else {
            sources.addFirst(enginesSource);
        }
    }
}
