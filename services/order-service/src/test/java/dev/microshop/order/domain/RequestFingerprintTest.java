package dev.microshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.order.domain.order.PaymentMethod;
import dev.microshop.order.domain.order.ProductId;
import dev.microshop.order.domain.order.RequestFingerprint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    static final ProductId MUG = new ProductId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final ProductId TEA = new ProductId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    static final PaymentMethod CARD = new PaymentMethod("pm-ok");

    @Test
    void the_order_of_the_items_does_not_make_another_request() {
        var mugFirst = new LinkedHashMap<ProductId, Integer>();
        mugFirst.put(MUG, 2);
        mugFirst.put(TEA, 1);
        var teaFirst = new LinkedHashMap<ProductId, Integer>();
        teaFirst.put(TEA, 1);
        teaFirst.put(MUG, 2);

        assertThat(RequestFingerprint.of(mugFirst, CARD)).isEqualTo(RequestFingerprint.of(teaFirst, CARD));
    }

    @Test
    void another_quantity_or_another_payment_method_is_another_request() {
        RequestFingerprint asked = RequestFingerprint.of(Map.of(MUG, 2), CARD);

        assertThat(RequestFingerprint.of(Map.of(MUG, 3), CARD)).isNotEqualTo(asked);
        assertThat(RequestFingerprint.of(Map.of(MUG, 2), new PaymentMethod("pm-declined")))
                .isNotEqualTo(asked);
        assertThat(RequestFingerprint.of(Map.of(MUG, 2, TEA, 1), CARD)).isNotEqualTo(asked);
    }

    @Test
    void it_is_the_sha_256_of_the_documented_canonical_form() {
        // printf 'pm-ok|00000000-0000-0000-0000-00000000000a=2,00000000-0000-0000-0000-00000000000b=1' | sha256sum
        assertThat(RequestFingerprint.of(Map.of(TEA, 1, MUG, 2), CARD).value())
                .isEqualTo("d599a71e6b0ce3534f5ed6e2f867188d015307aa486593882c7f6b17a526ba3f");
    }
}
