package dev.microshop.payment.application.port;

import dev.microshop.payment.domain.payment.PaymentEvent;

/** Tells other services about payments; an event is sent only if the current transaction commits. */
public interface PaymentEventPublisher {

    void publish(PaymentEvent event);
}
