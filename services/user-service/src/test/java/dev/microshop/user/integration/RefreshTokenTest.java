package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.user.domain.token.RefreshTokenSecret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@UserServiceIntegrationTest
class RefreshTokenTest {

    @Autowired
    JdbcClient sql;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void a_refresh_token_buys_a_new_working_pair_exactly_once() {
        Api.Session session = api.newSession("alan");

        MvcTestResult refreshed = api.refresh(session.refreshToken());

        assertThat(refreshed).hasStatus(200).headers().hasValue("Cache-Control", "no-store");
        String newRefreshToken = Api.read(refreshed, "$.refreshToken");
        assertThat(newRefreshToken).isNotEqualTo(session.refreshToken());
        assertThat(api.me(Api.read(refreshed, "$.accessToken")))
                .hasStatus(200)
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo(session.userId());
        assertThat(api.refresh(newRefreshToken)).hasStatus(200);
    }

    @Test
    void presenting_a_used_refresh_token_again_revokes_every_token_of_that_log_in() {
        Api.Session session = api.newSession("eve");
        String successor = Api.read(api.refresh(session.refreshToken()), "$.refreshToken");

        MvcTestResult replay = api.refresh(session.refreshToken());

        assertThat(replay).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replay).bodyJson().extractingPath("$.detail").asString().contains("log in again");
        assertThat(api.refresh(successor)).hasStatus(401);
    }

    @Test
    void another_log_in_of_the_same_user_survives_the_revocation() {
        Api.Session stolen = api.newSession("mallory");
        MvcTestResult otherDevice = api.logIn(stolen.email(), Api.PASSWORD);
        api.refresh(stolen.refreshToken());
        assertThat(api.refresh(stolen.refreshToken())).hasStatus(401);

        assertThat(api.refresh(Api.read(otherDevice, "$.refreshToken"))).hasStatus(200);
    }

    @Test
    void an_unknown_refresh_token_is_a_401_problem() {
        assertThat(api.refresh("made-up-token")).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_missing_refresh_token_is_a_400_problem() {
        assertThat(api.postJson("/api/auth/refresh", "{}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_database_holds_only_the_sha256_of_a_refresh_token() {
        Api.Session session = api.newSession("dennis");

        List<String> stored =
                sql.sql("""
                SELECT t.token_hash FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id
                WHERE f.user_id = ?::uuid""").param(session.userId()).query(String.class).list();

        assertThat(stored)
                .containsExactly(
                        new RefreshTokenSecret(session.refreshToken()).hash().value())
                .doesNotContain(session.refreshToken());
    }
}
