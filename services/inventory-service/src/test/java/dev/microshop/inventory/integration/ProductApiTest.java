package dev.microshop.inventory.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.microshop.testsupport.TestAccessTokens;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Shoppers browse the catalog without an account; administrators add to it. */
@InventoryServiceIntegrationTest
class ProductApiTest {

    /** A product of the seeded catalog that no test changes. */
    static final String SEEDED_MUG = "622988ab-d52c-573c-bf5d-85819568fd8b";

    @Autowired
    MockMvcTester http;

    @Test
    void anyone_can_browse_the_seeded_catalog_a_page_at_a_time() {
        MvcTestResult firstPage = http.get().uri("/api/products?page=0&size=5").exchange();

        assertThat(firstPage).hasStatus(200);
        assertThat(firstPage).bodyJson().extractingPath("$.content.length()").isEqualTo(5);
        assertThat(firstPage).bodyJson().extractingPath("$.page.size").isEqualTo(5);
        assertThat(firstPage).bodyJson().extractingPath("$.page.number").isEqualTo(0);
        assertThat(firstPage)
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .asNumber()
                .satisfies(total -> assertThat(total.longValue()).isGreaterThanOrEqualTo(24));
        assertThat(firstPage)
                .bodyJson()
                .extractingPath("$.page.totalPages")
                .asNumber()
                .satisfies(pages -> assertThat(pages.longValue()).isGreaterThanOrEqualTo(5));
    }

    @Test
    void the_whole_seeded_catalog_fits_in_pages_without_overlap() {
        MvcTestResult all = http.get().uri("/api/products?size=100").exchange();

        assertThat(all).hasStatus(200);
        assertThat(all)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .contains("COF-ESP-1KG", "MUG-CER-350", "GFT-CRD-25")
                .doesNotHaveDuplicates();
    }

    @Test
    void a_product_shows_its_price_as_exact_text_and_its_available_stock() {
        MvcTestResult mug = http.get().uri("/api/products/" + SEEDED_MUG).exchange();

        assertThat(mug).hasStatus(200);
        assertThat(mug).bodyJson().isEqualTo("""
                {"id":"%s","sku":"MUG-CER-350","name":"Ceramic mug, 350 ml",
                 "description":"Stoneware mug with a matte glaze; dishwasher and microwave safe.",
                 "price":{"amount":"12.50","currency":"EUR"},"availableStock":100}""".formatted(SEEDED_MUG));
    }

    @Test
    void an_unknown_product_is_not_found() {
        String unknown = UUID.randomUUID().toString();

        MvcTestResult result = http.get().uri("/api/products/" + unknown).exchange();

        assertThat(result).hasStatus(404);
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("No product with id " + unknown);
        assertThat(result).bodyJson().extractingPath("$.traceId").isNotNull();
    }

    @Test
    void a_malformed_product_id_is_a_bad_request() {
        MvcTestResult result = http.get().uri("/api/products/not-a-uuid").exchange();

        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Product id 'not-a-uuid' is not a UUID");
    }

    @Test
    void page_and_size_are_checked() {
        assertThat(http.get().uri("/api/products?size=0").exchange()).hasStatus(400);
        assertThat(http.get().uri("/api/products?size=101").exchange()).hasStatus(400);
        assertThat(http.get().uri("/api/products?page=-1").exchange()).hasStatus(400);
        MvcTestResult notANumber = http.get().uri("/api/products?page=first").exchange();
        assertThat(notANumber).hasStatus(400);
        assertThat(notANumber).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_page_past_the_end_is_empty() {
        MvcTestResult result = http.get().uri("/api/products?page=1000&size=50").exchange();

        assertThat(result).hasStatus(200);
        assertThat(result).bodyJson().extractingPath("$.content").asArray().isEmpty();
        assertThat(result).bodyJson().extractingPath("$.page.number").isEqualTo(1000);
    }

    @Test
    void a_search_finds_the_products_holding_every_word_in_any_case_in_name_description_or_sku() {
        MvcTestResult byName = http.get().uri("/api/products?q=CERAMIC  mug").exchange();
        MvcTestResult byDescription =
                http.get().uri("/api/products?q=matte glaze").exchange();
        MvcTestResult bySku = http.get().uri("/api/products?q=mug-cer").exchange();
        MvcTestResult oneWordMissing =
                http.get().uri("/api/products?q=ceramic unicorn").exchange();

        assertThat(byName).hasStatus(200);
        assertThat(byName)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("MUG-CER-350");
        assertThat(byName).bodyJson().extractingPath("$.page.totalElements").isEqualTo(1);
        assertThat(byDescription)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .contains("MUG-CER-350");
        assertThat(bySku)
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .containsExactly("MUG-CER-350");
        assertThat(oneWordMissing)
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
        assertThat(oneWordMissing)
                .bodyJson()
                .extractingPath("$.page.totalElements")
                .isEqualTo(0);
    }

    @Test
    void a_search_pages_like_the_catalog_and_counts_only_what_it_found() {
        String word = "Lantern" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertThat(addProduct(TestAccessTokens.admin(), """
                    {"sku":"%s","name":"%s %d","price":{"amount":"9.00","currency":"EUR"},"initialStock":1}""".formatted(TestProducts.uniqueSku(), word, i)))
                    .hasStatus(201);
        }

        MvcTestResult secondPage =
                http.get().uri("/api/products?q=" + word + "&size=2&page=1").exchange();

        assertThat(secondPage)
                .bodyJson()
                .extractingPath("$.content[*].name")
                .asArray()
                .containsExactly(word + " 2");
        assertThat(secondPage).bodyJson().extractingPath("$.page.totalElements").isEqualTo(3);
        assertThat(secondPage).bodyJson().extractingPath("$.page.totalPages").isEqualTo(2);
    }

    @Test
    void percent_and_underscore_in_a_search_are_letters_not_wildcards() {
        // Only the dark chocolate's description has a real "%" in it ("70 % cocoa").
        assertThat(http.get().uri("/api/products?q={q}&size=100", "%").exchange())
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .contains("CHO-DRK-100")
                .doesNotContain("MUG-CER-350");
        assertThat(http.get().uri("/api/products?q={q}", "MUG_CER").exchange())
                .bodyJson()
                .extractingPath("$.content")
                .asArray()
                .isEmpty();
    }

    @Test
    void a_search_too_long_or_with_control_characters_is_a_bad_request() {
        MvcTestResult tooLong =
                http.get().uri("/api/products?q={q}", "a".repeat(101)).exchange();
        MvcTestResult control =
                http.get().uri("/api/products?q={q}", "mug\u0000").exchange();

        assertThat(tooLong).hasStatus(400);
        assertThat(tooLong).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooLong).bodyJson().extractingPath("$.errors[0].field").isEqualTo("q");
        assertThat(control).hasStatus(400);
    }

    @Test
    void an_administrator_adds_a_product_that_everyone_then_sees() {
        String sku = TestProducts.uniqueSku().toLowerCase();

        MvcTestResult added = addProduct(TestAccessTokens.admin(), """
                {"sku":"%s","name":"Travel mug","description":"Keeps coffee hot",
                 "price":{"amount":"15.9","currency":"EUR"},"initialStock":7}""".formatted(sku));

        assertThat(added).hasStatus(201);
        String id = read(added, "$.id");
        assertThat(added).headers().hasValue(HttpHeaders.LOCATION, "/api/products/" + id);
        assertThat(added).bodyJson().isEqualTo("""
                {"id":"%s","sku":"%s","name":"Travel mug","description":"Keeps coffee hot",
                 "price":{"amount":"15.90","currency":"EUR"},"availableStock":7}""".formatted(id, sku.toUpperCase()));
        assertThat(http.get().uri("/api/products/" + id).exchange())
                .bodyJson()
                .extractingPath("$.availableStock")
                .isEqualTo(7);
    }

    @Test
    void an_administrator_changes_a_products_name_description_and_price_but_not_its_sku_or_stock() {
        String sku = TestProducts.uniqueSku();
        String id = read(addProduct(TestAccessTokens.admin(), """
                {"sku":"%s","name":"Mug","price":{"amount":"5.00","currency":"EUR"},"initialStock":4}""".formatted(sku)), "$.id");

        MvcTestResult updated = updateProduct(TestAccessTokens.admin(), id, """
                {"name":"  Big mug ","description":"Holds 500 ml","price":{"amount":"6.5","currency":"EUR"}}""");

        assertThat(updated).hasStatus(200);
        assertThat(updated).bodyJson().isEqualTo("""
                {"id":"%s","sku":"%s","name":"Big mug","description":"Holds 500 ml",
                 "price":{"amount":"6.50","currency":"EUR"},"availableStock":4}""".formatted(id, sku));
        assertThat(http.get().uri("/api/products/" + id).exchange())
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("Big mug");
    }

    @Test
    void a_product_change_is_checked_like_a_new_product_and_is_for_administrators_only() {
        String change = """
                {"name":"Mug","price":{"amount":"1.00","currency":"EUR"}}""";

        MvcTestResult dollars = updateProduct(TestAccessTokens.admin(), SEEDED_MUG, """
                {"name":"Mug","price":{"amount":"1.00","currency":"USD"}}""");
        MvcTestResult unknown =
                updateProduct(TestAccessTokens.admin(), UUID.randomUUID().toString(), change);

        assertThat(dollars).hasStatus(400);
        assertThat(dollars).bodyJson().extractingPath("$.errors[0].field").isEqualTo("price.currency");
        assertThat(unknown).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(updateProduct(TestAccessTokens.customer(), SEEDED_MUG, change))
                .hasStatus(403);
        assertThat(http.get().uri("/api/products/" + SEEDED_MUG).exchange())
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("Ceramic mug, 350 ml");
    }

    @Test
    void a_price_may_be_sent_as_a_json_number() {
        MvcTestResult added = addProduct(TestAccessTokens.admin(), """
                {"sku":"%s","name":"Spoon","price":{"amount":3,"currency":"EUR"},"initialStock":0}""".formatted(TestProducts.uniqueSku()));

        assertThat(added).hasStatus(201);
        assertThat(added).bodyJson().extractingPath("$.price.amount").isEqualTo("3.00");
        assertThat(added).bodyJson().extractingPath("$.description").isEqualTo("");
    }

    @Test
    void a_sku_can_be_in_the_catalog_only_once_whatever_its_case() {
        String sku = TestProducts.uniqueSku();
        String product = """
                {"sku":"%s","name":"Mug","price":{"amount":"1.00","currency":"EUR"},"initialStock":1}""";
        assertThat(addProduct(TestAccessTokens.admin(), product.formatted(sku))).hasStatus(201);

        MvcTestResult again = addProduct(TestAccessTokens.admin(), product.formatted(sku.toLowerCase()));

        assertThat(again).hasStatus(409);
        assertThat(again)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("A product with SKU " + sku + " exists already");
    }

    @Test
    void a_product_that_breaks_a_catalog_rule_is_refused_with_the_field_that_broke_it() {
        MvcTestResult dollars = addProduct(TestAccessTokens.admin(), """
                {"sku":"%s","name":"Mug","price":{"amount":"1.00","currency":"USD"},"initialStock":1}""".formatted(TestProducts.uniqueSku()));
        MvcTestResult badSku = addProduct(TestAccessTokens.admin(), """
                {"sku":"a b","name":"Mug","price":{"amount":"1.00","currency":"EUR"},"initialStock":1}""");
        MvcTestResult fractionOfACent = addProduct(TestAccessTokens.admin(), """
                {"sku":"%s","name":"Mug","price":{"amount":"1.001","currency":"EUR"},"initialStock":1}""".formatted(TestProducts.uniqueSku()));

        assertThat(dollars).hasStatus(400);
        assertThat(dollars).bodyJson().extractingPath("$.errors[0].field").isEqualTo("price.currency");
        assertThat(badSku).hasStatus(400);
        assertThat(badSku).bodyJson().extractingPath("$.errors[0].field").isEqualTo("sku");
        assertThat(fractionOfACent).hasStatus(400);
        assertThat(fractionOfACent)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("price.amount");
    }

    @Test
    void missing_or_negative_values_are_refused_before_anything_is_stored() {
        String sku = TestProducts.uniqueSku();

        MvcTestResult result = addProduct(TestAccessTokens.admin(), """
                {"sku":"%s","price":{"currency":"EUR"},"initialStock":-1}""".formatted(sku));

        assertThat(result).hasStatus(400);
        assertThat(result).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().uri("/api/products?size=100").exchange())
                .bodyJson()
                .extractingPath("$.content[*].sku")
                .asArray()
                .doesNotContain(sku);
    }

    @Test
    void only_administrators_add_products() {
        String product = """
                {"sku":"%s","name":"Mug","price":{"amount":"1.00","currency":"EUR"},"initialStock":1}""".formatted(TestProducts.uniqueSku());

        assertThat(addProduct(TestAccessTokens.customer(), product)).hasStatus(403);
        MvcTestResult anonymous = http.post()
                .uri("/api/products")
                .contentType(MediaType.APPLICATION_JSON)
                .content(product)
                .exchange();
        assertThat(anonymous).hasStatus(401);
        assertThat(anonymous).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult addProduct(String token, String json) {
        return http.post()
                .uri("/api/products")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    private MvcTestResult updateProduct(String token, String id, String json) {
        return http.put()
                .uri("/api/products/" + id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    static String read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), path)
                    .toString();
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
