package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** user-service checks its own tokens; every bad token is a 401 problem. */
@UserServiceIntegrationTest
class AccessTokenRejectionTest {

    @Autowired
    MockMvcTester http;

    @Autowired
    SigningKeyRepository signingKeys;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    private String userId() {
        return api.newSession("token-owner").userId();
    }

    private static void assertUnauthorizedProblem(MvcTestResult result) {
        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).headers().hasValue(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(401);
    }

    @Test
    void a_hand_made_token_signed_with_the_active_key_is_accepted() {
        SigningKey active = signingKeys.findActive().orElseThrow();
        String token = TestTokens.signedWith(
                active, TestTokens.claims(userId(), Instant.now()).build());

        assertThat(api.me(token)).hasStatus(200);
    }

    @Test
    void a_request_without_a_token_is_401() {
        assertUnauthorizedProblem(http.get().uri("/api/users/me").exchange());
    }

    @Test
    void a_token_that_expired_beyond_the_clock_skew_is_401() {
        SigningKey active = signingKeys.findActive().orElseThrow();
        Instant issuedAt = Instant.now().minusSeconds(900 + 61);

        assertUnauthorizedProblem(api.me(TestTokens.signedWith(
                active, TestTokens.claims(userId(), issuedAt).build())));
    }

    @Test
    void a_token_signed_by_another_key_under_a_known_kid_is_401() {
        String kid = signingKeys.findActive().orElseThrow().kid();
        JWTClaimsSet claims = TestTokens.claims(userId(), Instant.now()).build();

        assertUnauthorizedProblem(api.me(TestTokens.signedWith(TestTokens.strangerKey(kid), claims)));
    }

    @Test
    void a_token_signed_by_an_unknown_key_is_401() {
        JWTClaimsSet claims = TestTokens.claims(userId(), Instant.now()).build();

        assertUnauthorizedProblem(api.me(TestTokens.signedWith(TestTokens.strangerKey("stranger"), claims)));
    }

    @Test
    void an_unsigned_alg_none_token_is_401() {
        assertUnauthorizedProblem(api.me(
                TestTokens.unsigned(TestTokens.claims(userId(), Instant.now()).build())));
    }

    @Test
    void a_token_for_another_audience_or_issuer_is_401() {
        SigningKey active = signingKeys.findActive().orElseThrow();
        String user = userId();
        JWTClaimsSet otherAudience =
                TestTokens.claims(user, Instant.now()).audience("elsewhere").build();
        JWTClaimsSet otherIssuer =
                TestTokens.claims(user, Instant.now()).issuer("elsewhere").build();

        assertUnauthorizedProblem(api.me(TestTokens.signedWith(active, otherAudience)));
        assertUnauthorizedProblem(api.me(TestTokens.signedWith(active, otherIssuer)));
    }

    @Test
    void malformed_tokens_are_401() {
        assertUnauthorizedProblem(api.me("not-a-jwt"));
        assertUnauthorizedProblem(api.me("abc.def.ghi"));
        assertUnauthorizedProblem(api.me(UUID.randomUUID().toString()));
    }

    @Test
    void a_customer_may_not_rotate_signing_keys() {
        MvcTestResult result = http.post()
                .uri("/api/admin/signing-keys/rotate")
                .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + api.newSession("customer").accessToken())
                .exchange();

        assertThat(result).hasStatus(403).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
