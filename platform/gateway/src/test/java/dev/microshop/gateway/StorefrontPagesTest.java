package dev.microshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The gateway serves the storefront's page and files itself, with a page policy meant for them. */
class StorefrontPagesTest extends GatewayIntegrationTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @Test
    void the_page_is_public_and_carries_a_policy_that_allows_only_this_origin_and_nothing_inline() {
        HttpResponse<String> page =
                send(request("/").header("Accept", "text/html").build());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"app\"></div>").doesNotContain("<script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void its_hashed_files_may_be_kept_for_a_year_and_keep_the_strict_policy() {
        String html = send(request("/").header("Accept", "text/html").build()).body();
        Matcher script = SCRIPT.matcher(html);
        assertThat(script.find())
                .as("the page loads a script from /assets/: " + html)
                .isTrue();

        HttpResponse<String> file = send(request(script.group(1)).build());
        HttpResponse<String> missing = send(request("/assets/none-such.js").build());

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(file.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void the_api_keeps_its_own_policy_and_still_needs_a_token_outside_the_public_paths() {
        HttpResponse<String> api = send(request("/api/orders").build());
        HttpResponse<String> elsewhere = send(request("/admin.html").build());

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(elsewhere.statusCode()).isEqualTo(401);
    }
}
