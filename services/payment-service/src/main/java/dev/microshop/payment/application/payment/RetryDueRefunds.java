package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/** Tries again the refunds the provider could not make when they became due; each in its own transaction. */
@Service
public class RetryDueRefunds {

    private static final int BATCH = 20;

    private final PaymentRepository payments;
    private final SettleRefund settleRefund;

    public RetryDueRefunds(PaymentRepository payments, SettleRefund settleRefund) {
        this.payments = payments;
        this.settleRefund = settleRefund;
    }

    /** Returns how many refunds were settled. */
    public int retry() {
        List<OrderId> due = payments.withRefundDue(BATCH);
        int settled = 0;
        for (OrderId orderId : due) {
            if (!settleRefund.settle(orderId).refundDue()) {
                settled++;
            }
        }
        return settled;
    }
}
