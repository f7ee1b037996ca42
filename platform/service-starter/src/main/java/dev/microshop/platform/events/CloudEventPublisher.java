package dev.microshop.platform.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an integration event as a CloudEvents 1.0 record in binary mode: {@code ce_*} headers,
 * a JSON body, keyed by aggregate id so one aggregate's events stay in order. The Kafka template's
 * observation adds the W3C {@code traceparent} header, so consumers continue the same trace.
 */
public class CloudEventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final URI source;

    public CloudEventPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, String serviceName) {
        this.kafka = kafka;
        this.json = json;
        this.source = URI.create("/microshop/" + serviceName);
    }

    /** Sends {@code data} as an event of {@code type} about {@code subject}; completes when the broker acknowledged it. */
    public CompletableFuture<SendResult<String, byte[]>> publish(String topic, String key, String type, String subject,
            Object data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data))
                .build();
        ProducerRecord<String, byte[]> record = KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
        return kafka.send(record);
    }
}
