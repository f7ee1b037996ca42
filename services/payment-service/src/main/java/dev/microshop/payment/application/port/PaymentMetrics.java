package dev.microshop.payment.application.port;

/** What payments count for operators. */
public interface PaymentMetrics {

    /** The reconciler found the provider's books and ours disagreeing ({@code kind} says how). */
    void reconciliationDifference(String kind);
}
