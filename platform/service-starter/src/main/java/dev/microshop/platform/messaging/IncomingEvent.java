package dev.microshop.platform.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent received from Kafka (binary mode): its attributes and its JSON data. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, byte[] data) {

    /** Events grow by adding fields; a consumer ignores the ones it does not know. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Reads a record; a record that is not a CloudEvent is a poison record, never retried. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new MalformedEventException(
                    "Record at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                            + " is not a CloudEvent: " + e.getMessage(),
                    e);
        }
        return new IncomingEvent(
                event.getId(),
                event.getType(),
                String.valueOf(event.getSource()),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                event.getData() == null ? new byte[0] : event.getData().toBytes());
    }

    /** The event's data as {@code type}; data that does not fit is a poison record. */
    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (JacksonException e) {
            throw new MalformedEventException(
                    "Event " + id + " of type " + this.type + " has data that is not a " + type.getSimpleName() + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * The event's data as {@code type}, turned by {@code mapping} into what its handler takes (ids, commands). The
     * mapping only reads the data, so a failure (an id that is not an id, a missing field) would fail again on every
     * retry: it is a poison record, as is data that does not fit {@code type}.
     */
    public <D, T> T mapped(Class<D> type, Function<? super D, ? extends T> mapping) {
        D data = dataAs(type);
        try {
            return mapping.apply(data);
        } catch (RuntimeException unmappable) {
            throw refused(unmappable);
        }
    }

    /** Makes {@code reason}, a rule this event's facts break, the reason it is a poison record. */
    public MalformedEventException refused(RuntimeException reason) {
        return new MalformedEventException(
                "Event " + id + " of type " + type + " cannot be handled: " + reason, reason);
    }
}
