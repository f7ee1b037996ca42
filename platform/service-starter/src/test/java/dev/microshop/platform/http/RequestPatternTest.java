package dev.microshop.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

class RequestPatternTest {

    @Test
    void a_method_and_a_path_match_only_that_method_on_that_path() {
        RequestPattern pattern = RequestPattern.parse("POST /api/users");

        assertThat(pattern.method()).isEqualTo(HttpMethod.POST);
        assertThat(pattern.path().getPatternString()).isEqualTo("/api/users");
        assertThat(pattern.matches(HttpMethod.POST, path("/api/users"))).isTrue();
        assertThat(pattern.matches(HttpMethod.GET, path("/api/users"))).isFalse();
        assertThat(pattern.matches(HttpMethod.POST, path("/api/users/1"))).isFalse();
    }

    @Test
    void a_path_alone_matches_any_method() {
        RequestPattern pattern = RequestPattern.parse("  /api/**  ");

        assertThat(pattern.method()).isNull();
        assertThat(pattern.matches(HttpMethod.DELETE, path("/api/orders/7"))).isTrue();
        assertThat(pattern.matches(HttpMethod.GET, path("/actuator/health"))).isFalse();
    }

    @Test
    void method_and_path_may_be_apart_by_any_whitespace() {
        assertThat(RequestPattern.parse("GET\t /api/products/*").matches(HttpMethod.GET, path("/api/products/3")))
                .isTrue();
    }

    @Test
    void an_empty_pattern_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse(" "))
                .withMessage("Invalid request pattern ' ': write \"METHOD /path\" or \"/path\"");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse(null))
                .withMessage("Invalid request pattern 'null': write \"METHOD /path\" or \"/path\"");
    }

    @Test
    void a_pattern_of_more_than_a_method_and_a_path_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse("GET /api/a /api/b"))
                .withMessage("Invalid request pattern 'GET /api/a /api/b': write \"METHOD /path\" or \"/path\"");
    }

    @Test
    void a_method_without_a_path_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse("GET"))
                .withMessage("Invalid request pattern 'GET': the path must start with '/'");
    }

    @Test
    void a_path_that_does_not_start_with_a_slash_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse("GET api/products"))
                .withMessage("Invalid request pattern 'GET api/products': the path must start with '/'");
    }

    @Test
    void an_unknown_or_misspelt_method_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse("post /api/users"))
                .withMessageStartingWith("Invalid request pattern 'post /api/users': 'post' is not one of [GET");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse("FETCH /api/users"))
                .withMessageStartingWith("Invalid request pattern 'FETCH /api/users': 'FETCH' is not one of");
    }

    @Test
    void a_path_spring_cannot_read_is_refused_with_spring_s_reason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RequestPattern.parse("GET /api/{id"))
                .withMessageStartingWith("Invalid request pattern 'GET /api/{id': ");
    }

    private static PathContainer path(String path) {
        return PathContainer.parsePath(path);
    }
}
