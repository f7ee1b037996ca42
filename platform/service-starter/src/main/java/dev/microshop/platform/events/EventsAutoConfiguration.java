package dev.microshop.platform.events;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** CloudEvents on Kafka for every service that talks to the broker. */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, JacksonAutoConfiguration.class })
@ConditionalOnBean({ KafkaTemplate.class, JsonMapper.class })
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CloudEventPublisher cloudEventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json,
            @Value("${spring.application.name}") String serviceName) {
        return new CloudEventPublisher(kafka, json, serviceName);
    }
}
