package dev.microshop.user.infrastructure.messaging;

import dev.microshop.contracts.events.Topics;
import dev.microshop.contracts.events.UserEvents;
import dev.microshop.platform.events.CloudEventPublisher;
import dev.microshop.user.application.port.UserEventPublisher;
import dev.microshop.user.domain.user.UserEvent;
import dev.microshop.user.domain.user.UserLoggedIn;
import dev.microshop.user.domain.user.UserRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends user events as CloudEvents to {@code user-events}, keyed by user id, once the transaction that caused them
 * has committed. An event whose send fails is logged and lost; an outbox will close that gap.
 */
@Component
class KafkaUserEventPublisher implements UserEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaUserEventPublisher.class);
    /** The log context key every service uses for the user a line is about. */
    private static final String USER_ID = "user_id";

    private final CloudEventPublisher cloudEvents;

    KafkaUserEventPublisher(CloudEventPublisher cloudEvents) {
        this.cloudEvents = cloudEvents;
    }

    @Override
    public void publish(UserEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(event);
                }
            });
        } else {
            send(event);
        }
    }

    private void send(UserEvent event) {
        String userId = event.userId().toString();
        ContractEvent contract = ContractEvent.of(event);
        try {
            cloudEvents.publish(Topics.USER_EVENTS, userId, contract.type(), userId, contract.data())
                    .whenComplete((sent, failure) -> {
                        if (failure != null) {
                            logLost(userId, contract.type(), failure);
                        } else {
                            logPublished(userId, contract.type());
                        }
                    });
        } catch (RuntimeException failure) {
            // The user's change is committed; a broker problem must not turn the response into an error.
            logLost(userId, contract.type(), failure);
        }
    }

    /** A domain event in the shape other services read (platform/contracts). */
    private record ContractEvent(String type, Object data) {

        static ContractEvent of(UserEvent event) {
            String userId = event.userId().toString();
            return switch (event) {
                case UserRegistered registered -> new ContractEvent(UserEvents.UserRegistered.TYPE,
                        new UserEvents.UserRegistered(userId, registered.email().value(), registered.name().value(),
                                registered.occurredAt()));
                case UserLoggedIn loggedIn -> new ContractEvent(UserEvents.UserLoggedIn.TYPE,
                        new UserEvents.UserLoggedIn(userId, loggedIn.occurredAt()));
            };
        }
    }

    private static void logPublished(String userId, String type) {
        try (var ignored = MDC.putCloseable(USER_ID, userId)) {
            log.info("Published {} to {}", type, Topics.USER_EVENTS);
        }
    }

    private static void logLost(String userId, String type, Throwable failure) {
        try (var ignored = MDC.putCloseable(USER_ID, userId)) {
            log.error("Could not publish {} to {}", type, Topics.USER_EVENTS, failure);
        }
    }
}
