package dev.microshop.testsupport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import dev.microshop.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service for the tests: a database, a Kafka producer, a plain listener and a CloudEvents listener. */
@SpringBootApplication
class SampleServiceApplication {

    static final String TOPIC = "sample-events";
    static final String CLOUD_EVENTS_TOPIC = "sample-cloud-events";

    @Bean
    BlockingQueue<String> receivedEvents() {
        return new LinkedBlockingQueue<>();
    }

    @Bean
    BlockingQueue<IncomingEvent> handledCloudEvents() {
        return new LinkedBlockingQueue<>();
    }

    @Component
    static class SampleCloudEventListener {

        private final BlockingQueue<IncomingEvent> handled;

        SampleCloudEventListener(BlockingQueue<IncomingEvent> handledCloudEvents) {
            this.handled = handledCloudEvents;
        }

        @KafkaListener(topics = CLOUD_EVENTS_TOPIC, groupId = "sample-service-cloud-events")
        void on(ConsumerRecord<String, byte[]> record) {
            handled.add(IncomingEvent.from(record));
        }
    }

    @Component
    static class SampleEventListener {

        private final BlockingQueue<String> receivedEvents;

        SampleEventListener(BlockingQueue<String> receivedEvents) {
            this.receivedEvents = receivedEvents;
        }

        @KafkaListener(topics = TOPIC, groupId = "sample-service-${sample.flavour:plain}")
        void on(String event) {
            receivedEvents.add(event);
        }
    }
}
