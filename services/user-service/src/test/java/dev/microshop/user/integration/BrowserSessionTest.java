package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The storefront's log-in: the refresh token only ever travels in an httpOnly cookie. */
@UserServiceIntegrationTest
class BrowserSessionTest {

    static final String COOKIE = "microshop_refresh";

    @Autowired
    MockMvcTester http;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void logging_in_sets_a_strict_httponly_cookie_and_hands_the_page_only_the_access_token() {
        String email = signedUp("grace");

        MvcTestResult loggedIn = logIn(email);

        assertThat(loggedIn).hasStatus(200).headers().hasValue("Cache-Control", "no-store");
        String setCookie = loggedIn.getResponse().getHeader(HttpHeaders.SET_COOKIE);
        assertThat(setCookie)
                .startsWith(COOKIE + "=")
                .contains("Path=/api/auth/session", "HttpOnly", "SameSite=Strict", "Max-Age=")
                .doesNotContain("Secure");
        assertThat(loggedIn).bodyJson().doesNotHavePath("$.refreshToken");
        assertThat(loggedIn).bodyJson().extractingPath("$.expiresIn").asNumber().isNotNull();
        assertThat(api.me(Api.read(loggedIn, "$.accessToken"))).hasStatus(200);
    }

    @Test
    void the_cookie_buys_a_new_access_token_and_a_new_cookie_exactly_once() {
        Cookie first = cookieOf(logIn(signedUp("ada")));

        MvcTestResult refreshed = refresh(first);

        assertThat(refreshed).hasStatus(200);
        Cookie second = cookieOf(refreshed);
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        assertThat(api.me(Api.read(refreshed, "$.accessToken"))).hasStatus(200);
        assertThat(refresh(first)).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refresh(second)).as("the reuse revoked the whole log-in").hasStatus(401);
    }

    @Test
    void logging_out_ends_the_log_in_on_the_server_and_drops_the_cookie() {
        Cookie cookie = cookieOf(logIn(signedUp("barbara")));

        MvcTestResult loggedOut = http.delete()
                .uri("/api/auth/session")
                .header("X-Requested-With", "fetch")
                .cookie(cookie)
                .exchange();

        assertThat(loggedOut).hasStatus(204);
        assertThat(loggedOut.getResponse().getHeader(HttpHeaders.SET_COOKIE))
                .startsWith(COOKIE + "=;")
                .contains("Max-Age=0");
        assertThat(refresh(cookie)).as("a copy of the cookie kept elsewhere").hasStatus(401);
    }

    @Test
    void without_x_requested_with_no_session_call_is_answered_so_a_cross_site_form_cannot_use_the_cookie() {
        Cookie cookie = cookieOf(logIn(signedUp("frances")));

        MvcTestResult refreshed =
                http.post().uri("/api/auth/session/refresh").cookie(cookie).exchange();
        MvcTestResult loggedIn = http.post()
                .uri("/api/auth/session")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"x@example.com\",\"password\":\"y\"}")
                .exchange();

        assertThat(refreshed).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(loggedIn).hasStatus(403);
        assertThat(refresh(cookie)).as("the refused call used nothing up").hasStatus(200);
    }

    @Test
    void no_cookie_and_a_wrong_password_are_401_problems() {
        MvcTestResult noCookie = http.post()
                .uri("/api/auth/session/refresh")
                .header("X-Requested-With", "fetch")
                .exchange();
        MvcTestResult wrongPassword = http.post()
                .uri("/api/auth/session")
                .header("X-Requested-With", "fetch")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\",\"password\":\"not-the-password1\"}".formatted(signedUp("hedy")))
                .exchange();

        assertThat(noCookie).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(wrongPassword).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(wrongPassword.getResponse().getHeader(HttpHeaders.SET_COOKIE))
                .isNull();
    }

    private String signedUp(String name) {
        String email = Api.uniqueEmail(name);
        assertThat(api.signUp(email, name, Api.PASSWORD)).hasStatus(201);
        return email;
    }

    private MvcTestResult logIn(String email) {
        return http.post()
                .uri("/api/auth/session")
                .header("X-Requested-With", "fetch")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, Api.PASSWORD))
                .exchange();
    }

    private MvcTestResult refresh(Cookie cookie) {
        return http.post()
                .uri("/api/auth/session/refresh")
                .header("X-Requested-With", "fetch")
                .cookie(cookie)
                .exchange();
    }

    private static Cookie cookieOf(MvcTestResult result) {
        assertThat(result).hasStatus(200);
        Cookie cookie = result.getResponse().getCookie(COOKIE);
        assertThat(cookie).isNotNull();
        return new Cookie(COOKIE, cookie.getValue());
    }
}
