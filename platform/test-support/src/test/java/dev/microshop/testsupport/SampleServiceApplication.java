package dev.microshop.testsupport;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service for the tests: a database, a Kafka producer and one listener. */
@SpringBootApplication
class SampleServiceApplication {

    static final String TOPIC = "sample-events";

    @Bean
    BlockingQueue<String> receivedEvents() {
        return new LinkedBlockingQueue<>();
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
