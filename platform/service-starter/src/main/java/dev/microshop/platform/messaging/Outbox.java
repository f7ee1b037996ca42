package dev.microshop.platform.messaging;

/**
 * Records an integration event in the caller's database transaction; {@link OutboxRelay} publishes it
 * to Kafka once the transaction has committed. An event of a rolled-back change is never published,
 * and a committed one is published even if the process dies right after the commit.
 */
public interface Outbox {

    /** Appends {@code event} to be published. Must be called inside a transaction. */
    void append(OutgoingEvent event);
}
