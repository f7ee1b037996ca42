package dev.microshop.inventory.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.inventory.application.product.AddProduct;
import dev.microshop.inventory.application.stock.GetStockLevel;
import dev.microshop.inventory.domain.product.ProductId;
import dev.microshop.inventory.domain.stock.StockLevel;
import dev.microshop.testsupport.TestAccessTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Administrators see stock by state and change it by stock counts and deliveries; nobody else can. */
@InventoryServiceIntegrationTest
class StockApiTest {

    @Autowired
    MockMvcTester http;

    @Autowired
    AddProduct addProduct;

    @Autowired
    GetStockLevel getStockLevel;

    @Test
    void an_administrator_reads_a_products_stock_by_state() {
        ProductId product = TestProducts.add(addProduct, 12);

        MvcTestResult levels = http.get()
                .uri("/api/products/{id}/stock", product)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAccessTokens.admin())
                .exchange();

        assertThat(levels).hasStatus(200);
        assertThat(levels).bodyJson().isEqualTo("""
                {"productId":"%s","received":12,"available":12,"reserved":0,"sold":0}""".formatted(product));
    }

    @Test
    void a_stock_count_sets_the_available_units_and_keeps_the_counts_adding_up() {
        ProductId product = TestProducts.add(addProduct, 100);

        MvcTestResult counted =
                as(TestAccessTokens.admin(), http.put().uri("/api/products/{id}/stock", product), "{\"available\":10}");

        assertThat(counted).hasStatus(200);
        assertThat(counted).bodyJson().isEqualTo("""
                {"productId":"%s","received":10,"available":10,"reserved":0,"sold":0}""".formatted(product));
        assertThat(http.get().uri("/api/products/{id}", product).exchange())
                .bodyJson()
                .extractingPath("$.availableStock")
                .isEqualTo(10);
    }

    @Test
    void a_delivery_adds_received_and_available_units() {
        ProductId product = TestProducts.add(addProduct, 3);

        MvcTestResult delivered = as(
                TestAccessTokens.admin(),
                http.post().uri("/api/products/{id}/stock/deliveries", product),
                "{\"quantity\":5}");

        assertThat(delivered).hasStatus(200);
        assertThat(delivered).bodyJson().isEqualTo("""
                {"productId":"%s","received":8,"available":8,"reserved":0,"sold":0}""".formatted(product));
    }

    @Test
    void stock_cannot_be_set_below_zero_and_a_delivery_brings_at_least_one_unit() {
        ProductId product = TestProducts.add(addProduct, 3);

        MvcTestResult negative =
                as(TestAccessTokens.admin(), http.put().uri("/api/products/{id}/stock", product), "{\"available\":-1}");
        MvcTestResult emptyDelivery = as(
                TestAccessTokens.admin(),
                http.post().uri("/api/products/{id}/stock/deliveries", product),
                "{\"quantity\":0}");

        assertThat(negative).hasStatus(400);
        assertThat(emptyDelivery).hasStatus(400);
        assertThat(getStockLevel.get(product)).isEqualTo(StockLevel.initial(product, 3));
    }

    @Test
    void the_stock_of_an_unknown_product_is_not_found() {
        MvcTestResult result = as(
                TestAccessTokens.admin(),
                http.put().uri("/api/products/{id}/stock", UUID.randomUUID()),
                "{\"available\":1}");

        assertThat(result).hasStatus(404);
    }

    @Test
    void an_administrator_lists_the_stock_of_every_product_a_page_at_a_time() {
        MvcTestResult page = http.get()
                .uri("/api/stock?size=3")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAccessTokens.admin())
                .exchange();

        assertThat(page).hasStatus(200);
        assertThat(page).bodyJson().extractingPath("$.content.length()").isEqualTo(3);
        assertThat(page).bodyJson().extractingPath("$.content[0].received").isNotNull();
        assertThat(page).bodyJson().extractingPath("$.page.size").isEqualTo(3);
    }

    @Test
    void only_administrators_see_or_change_stock() {
        ProductId product = TestProducts.add(addProduct, 3);

        assertThat(http.get().uri("/api/products/{id}/stock", product).exchange())
                .hasStatus(401);
        assertThat(http.get()
                        .uri("/api/products/{id}/stock", product)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAccessTokens.customer())
                        .exchange())
                .hasStatus(403);
        assertThat(http.get()
                        .uri("/api/stock")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAccessTokens.customer())
                        .exchange())
                .hasStatus(403);
        assertThat(as(
                        TestAccessTokens.customer(),
                        http.put().uri("/api/products/{id}/stock", product),
                        "{\"available\":1000}"))
                .hasStatus(403);
        assertThat(as(
                        TestAccessTokens.customer(),
                        http.post().uri("/api/products/{id}/stock/deliveries", product),
                        "{\"quantity\":1000}"))
                .hasStatus(403);
    }

    private static MvcTestResult as(String token, MockMvcTester.MockMvcRequestBuilder request, String json) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }
}
