package dev.microshop.paymentprovider.api;

import dev.microshop.paymentprovider.charges.Charge;
import dev.microshop.paymentprovider.charges.Ledger;
import dev.microshop.paymentprovider.charges.Payments;
import dev.microshop.paymentprovider.charges.ProviderException;
import dev.microshop.paymentprovider.charges.Refund;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant API: charges and refunds, each POST under an {@code Idempotency-Key}. */
@RestController
@RequestMapping("/v1/charges")
class ChargesController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_PAGE_SIZE = 100;

    private final Payments payments;
    private final Ledger ledger;

    ChargesController(Payments payments, Ledger ledger) {
        this.payments = payments;
        this.ledger = ledger;
    }

    @PostMapping
    ResponseEntity<ChargeView> create(
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CreateChargeBody body) {
        Payments.Outcome<Charge> outcome = payments.charge(required(idempotencyKey), body.toRequest());
        return created(ChargeView.of(outcome.resource(), ledger), outcome.replayed());
    }

    @GetMapping("/{id}")
    ChargeView get(@PathVariable String id) {
        return ChargeView.of(ledger.charge(id), ledger);
    }

    /** Charges made with the merchant's {@code reference} (an order id), oldest first, all on one page. */
    @GetMapping(params = "reference")
    ChargeList search(@RequestParam String reference) {
        return ChargeList.of(views(ledger.chargesWithReference(reference)), false);
    }

    /**
     * For reconciliation: a page of the charges created in [{@code created_gte}, {@code created_lt}) epoch seconds
     * (default: all), oldest first, continuing after the charge {@code starting_after}.
     */
    @GetMapping(params = "!reference")
    ChargeList list(
            @RequestParam(name = "created_gte", defaultValue = "0") long createdGte,
            @RequestParam(name = "created_lt", required = false) Long createdLt,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(name = "starting_after", required = false) String startingAfter) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProviderException.invalidRequest(
                    "parameter_invalid", "limit must be between 1 and " + MAX_PAGE_SIZE + ".", "limit");
        }
        Ledger.ChargePage page =
                ledger.chargesCreated(createdGte, createdLt == null ? Long.MAX_VALUE : createdLt, startingAfter, limit);
        return ChargeList.of(views(page.charges()), page.hasMore());
    }

    @PostMapping("/{id}/refunds")
    ResponseEntity<RefundView> refund(
            @PathVariable String id,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody(required = false) CreateRefundBody body) {
        CreateRefundBody refund = body == null ? new CreateRefundBody(null, null) : body;
        Payments.Outcome<Refund> outcome = payments.refund(required(idempotencyKey), id, refund.toRequest());
        return created(RefundView.of(outcome.resource()), outcome.replayed());
    }

    private List<ChargeView> views(List<Charge> charges) {
        return charges.stream().map(charge -> ChargeView.of(charge, ledger)).toList();
    }

    private static String required(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw ProviderException.invalidRequest(
                    "idempotency_key_missing",
                    "Every POST needs an Idempotency-Key header of 1 to 255 characters.",
                    IDEMPOTENCY_KEY);
        }
        return idempotencyKey;
    }

    private static <T> ResponseEntity<T> created(T body, boolean replayed) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(REPLAYED, Boolean.toString(replayed))
                .body(body);
    }
}
