package dev.microshop.payment.interfaces.rest;

import dev.microshop.payment.application.payment.GetPayment;
import dev.microshop.payment.domain.payment.OrderId;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An order's payment, for its owner or an administrator. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final GetPayment getPayment;

    PaymentController(GetPayment getPayment) {
        this.getPayment = getPayment;
    }

    @GetMapping("/{orderId}")
    PaymentResponse get(@PathVariable String orderId, Authentication caller) {
        boolean admin = caller.getAuthorities().stream()
                .anyMatch(role -> role.getAuthority().equals("ROLE_ADMIN"));
        return PaymentResponse.of(getPayment.get(new OrderId(orderId), caller.getName(), admin));
    }
}
