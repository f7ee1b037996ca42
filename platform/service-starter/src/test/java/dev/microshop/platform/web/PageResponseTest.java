package dev.microshop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PageResponseTest {

    @Test
    void total_pages_round_up() {
        assertThat(PageResponse.of(List.of(), 0, 10, 0).page().totalPages()).isZero();
        assertThat(PageResponse.of(List.of(), 0, 10, 10).page().totalPages()).isEqualTo(1);
        assertThat(PageResponse.of(List.of(), 0, 10, 21).page().totalPages()).isEqualTo(3);
    }

    @Test
    void a_page_has_at_least_one_entry_per_page() {
        assertThatIllegalArgumentException().isThrownBy(() -> PageResponse.of(List.of(), 0, 0, 5));
    }

    @Test
    void clients_see_the_content_then_where_the_page_is() {
        String json = new JsonMapper().writeValueAsString(PageResponse.of(List.of("a", "b"), 1, 2, 5));

        assertThat(json)
                .isEqualTo(
                        "{\"content\":[\"a\",\"b\"],\"page\":{\"size\":2,\"number\":1,\"totalElements\":5,\"totalPages\":3}}");
    }
}
