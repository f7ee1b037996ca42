package dev.microshop.payment.infrastructure.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.payment.application.port.PaymentGateway.ChargeOutcome;
import dev.microshop.payment.domain.payment.Money;
import dev.microshop.payment.domain.payment.OrderId;
import dev.microshop.payment.infrastructure.provider.ProviderModel.ChargeStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The anti-corruption layer's mapping between our model and the provider's, both ways. */
class ProviderTranslationTest {

    @Test
    void our_money_becomes_minor_units_and_a_lower_case_currency_with_the_order_as_reference() {
        ProviderModel.ChargeRequest request = ProviderTranslation.chargeRequest(
                new OrderId("order-7"), new Money(new BigDecimal("12.50"), "EUR"), "pm-ok");

        assertThat(request.amountMinor()).isEqualTo(1250);
        assertThat(request.currency()).isEqualTo("eur");
        assertThat(request.paymentMethod()).isEqualTo("pm-ok");
        assertThat(request.reference()).isEqualTo("order-7");
    }

    @Test
    void minor_units_follow_the_currency() {
        assertThat(ProviderTranslation.minorUnits(new Money(new BigDecimal("500"), "JPY")))
                .isEqualTo(500);
        assertThat(ProviderTranslation.minorUnits(new Money(new BigDecimal("0.07"), "EUR")))
                .isEqualTo(7);
        assertThat(ProviderTranslation.money(1250, "eur")).isEqualTo(new Money(new BigDecimal("12.50"), "EUR"));
        assertThat(ProviderTranslation.money(500, "jpy")).isEqualTo(new Money(new BigDecimal("500"), "JPY"));
    }

    @Test
    void the_providers_statuses_become_our_outcomes() {
        assertThat(ProviderTranslation.outcome(charge(ChargeStatus.SUCCEEDED, null)))
                .isEqualTo(new ChargeOutcome.Charged("ch_1"));
        assertThat(ProviderTranslation.outcome(charge(ChargeStatus.DECLINED, "card_declined")))
                .isEqualTo(new ChargeOutcome.Declined("payment declined by the card issuer"));
        assertThat(ProviderTranslation.outcome(charge(ChargeStatus.REFUNDED, null)))
                .isInstanceOf(ChargeOutcome.Declined.class);
    }

    @Test
    void a_status_we_do_not_know_is_no_answer_rather_than_a_guess() {
        assertThatThrownBy(() -> ProviderTranslation.outcome(charge(ChargeStatus.UNKNOWN, null)))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessage("Unknown charge status of charge ch_1");
    }

    @Test
    void statuses_are_read_under_their_names_on_the_wire_and_a_new_one_as_unknown() {
        assertThat(status("succeeded")).isEqualTo(ChargeStatus.SUCCEEDED);
        assertThat(status("declined")).isEqualTo(ChargeStatus.DECLINED);
        assertThat(status("refunded")).isEqualTo(ChargeStatus.REFUNDED);
        assertThat(status("pending")).isEqualTo(ChargeStatus.UNKNOWN);
    }

    @Test
    void the_providers_refusals_become_declines_with_a_reason_a_shopper_can_read() {
        assertThat(ProviderTranslation.outcome(new ProviderRejectedException(400, "payment_method_invalid", "No such")))
                .isEqualTo(new ChargeOutcome.Declined("payment method not accepted"));
        assertThat(ProviderTranslation.outcome(new ProviderRejectedException(422, "idempotency_key_reused", "x")))
                .isEqualTo(new ChargeOutcome.Declined("payment refused by the provider (idempotency_key_reused)"));
    }

    private static ChargeStatus status(String onTheWire) {
        return ProviderClient.JSON.readValue("\"" + onTheWire + "\"", ChargeStatus.class);
    }

    private static ProviderModel.Charge charge(ChargeStatus status, String failureCode) {
        return new ProviderModel.Charge(
                "ch_1", 1250, "eur", "pm-ok", "order-7", status, failureCode, null, 0, 1_767_225_600L);
    }
}
