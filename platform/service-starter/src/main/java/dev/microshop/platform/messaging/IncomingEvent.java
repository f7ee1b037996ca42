package dev.microshop.platform.messaging;

import java.time.Instant;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent received from Kafka (binary mode): its attributes and its JSON data. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, byte[] data) {

    /** Events grow by adding fields; a consumer ignores the ones it does not know. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Reads a record; a record that is not a CloudEvent is a poison record, never retried. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
        return new IncomingEvent(event.getId(), event.getType(), String.valueOf(event.getSource()), event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                event.getData() == null ? new byte[0] : event.getData().toBytes());
    }

    /** The event's data as {@code type}; data that does not fit is a poison record. */
    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (JacksonException e) {
            throw new MalformedEventException("Event " + id + " of type " + this.type + " has data that is not a "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
