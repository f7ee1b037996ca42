package dev.microshop.platform.messaging;

/**
 * Records an integration event in the caller's database transaction; {@link OutboxRelay} publishes it
 * to Kafka once the transaction has committed. An event of a rolled-back change is never published,
 * and a committed one is published even if the process dies right after the commit.
 */
public interface Outbox {

    /**
     * Appends an event to be published as a CloudEvent of {@code type} about {@code subject}, keyed by
     * {@code key}. Must be called inside a transaction.
     */
    void append(String topic, String key, String type, String subject, Object data);
}
