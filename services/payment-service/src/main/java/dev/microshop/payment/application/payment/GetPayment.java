package dev.microshop.payment.application.payment;

import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.domain.payment.Payment;
import dev.microshop.payment.domain.payment.PaymentRepository;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An order's payment, for the shopper who placed the order or an administrator; others learn nothing, not even that it exists. */
@Service
public class GetPayment {

    private final PaymentRepository payments;

    public GetPayment(PaymentRepository payments) {
        this.payments = payments;
    }

    @Transactional(readOnly = true)
    public Payment get(OrderId orderId, String callerId, boolean callerIsAdmin) {
        return payments.findByOrderId(orderId)
                .filter(payment -> callerIsAdmin || Objects.equals(payment.userId(), callerId))
                .orElseThrow(() -> new PaymentNotFoundException(orderId));
    }
}
