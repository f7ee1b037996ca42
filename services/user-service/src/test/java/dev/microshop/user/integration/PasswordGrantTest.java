package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The log-in as an OAuth 2 password grant, as Swagger UI's Authorize dialog sends it. */
@UserServiceIntegrationTest
class PasswordGrantTest {

    @Autowired
    MockMvcTester http;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void a_password_grant_gets_a_bearer_token_in_oauth_names() {
        String email = Api.uniqueEmail("swagger");
        assertThat(api.signUp(email, "Swagger", Api.PASSWORD)).hasStatus(201);

        MvcTestResult token = grant("password", email, Api.PASSWORD);

        assertThat(token).hasStatus(200).headers().hasValue("Cache-Control", "no-store");
        assertThat(token).bodyJson().extractingPath("$.token_type").isEqualTo("Bearer");
        assertThat(token).bodyJson().extractingPath("$.expires_in").isEqualTo(900);
        assertThat(token).bodyJson().extractingPath("$.refresh_token").isNotNull();
        assertThat(api.me(Api.read(token, "$.access_token"))).hasStatus(200);
    }

    @Test
    void a_wrong_password_another_grant_or_a_missing_field_is_refused_with_a_problem() {
        String email = Api.uniqueEmail("swagger");
        assertThat(api.signUp(email, "Swagger", Api.PASSWORD)).hasStatus(201);

        assertThat(grant("password", email, "not-the-password1"))
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(grant("client_credentials", email, Api.PASSWORD))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.post()
                        .uri("/api/auth/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("grant_type=password&username=" + email)
                        .exchange())
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult grant(String grantType, String username, String password) {
        return http.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("grant_type", grantType)
                .param("username", username)
                .param("password", password)
                .exchange();
    }
}
