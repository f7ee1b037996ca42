package dev.microshop.notification.interfaces.messaging;

import dev.microshop.contracts.events.Topics;
import dev.microshop.contracts.events.UserEvents.UserRegistered;
import dev.microshop.notification.application.announce.ShopperSignedUp;
import dev.microshop.notification.application.announce.WelcomeShopper;
import dev.microshop.platform.messaging.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Welcomes every shopper who signs up; other user events are not for the shopper's eyes. */
@Component
class UserEventsListener {

    private final OncePerEvent oncePerEvent;
    private final WelcomeShopper welcomeShopper;

    UserEventsListener(OncePerEvent oncePerEvent, WelcomeShopper welcomeShopper) {
        this.oncePerEvent = oncePerEvent;
        this.welcomeShopper = welcomeShopper;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = OncePerEvent.CONSUMER)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (UserRegistered.TYPE.equals(event.type())) {
            ShopperSignedUp signUp = event.mapped(
                    UserRegistered.class, registered -> new ShopperSignedUp(registered.userId(), registered.name()));
            oncePerEvent.handle(event, () -> welcomeShopper.welcome(signUp));
        }
    }
}
