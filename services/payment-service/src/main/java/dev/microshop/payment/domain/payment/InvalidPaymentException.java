package dev.microshop.payment.domain.payment;

/** Details of a payment that break its rules (an amount that is not positive, an unknown currency). */
public class InvalidPaymentException extends RuntimeException {

    public InvalidPaymentException(String message) {
        super(message);
    }
}
