package dev.microshop.payment.application.port;

import java.time.Duration;

/** How payments settle what they cannot know at once ({@code microshop.payments.*}). */
public interface PaymentSettings {

    /**
     * How long after a charge request went unanswered the provider may still make the charge: until then, finding
     * no charge does not prove there will be none.
     */
    Duration chargeSettlesWithin();

    /** How far back each reconciliation compares the provider's charges with ours. */
    Duration reconciliationWindow();
}
