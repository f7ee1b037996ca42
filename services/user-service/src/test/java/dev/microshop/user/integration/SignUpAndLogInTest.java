package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.microshop.testsupport.LiveConfiguration;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@UserServiceIntegrationTest
class SignUpAndLogInTest {

    @Autowired
    MockMvcTester http;

    @Autowired
    SigningKeyRepository signingKeys;

    @Autowired
    ConfigurableApplicationContext context;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void signing_up_returns_the_new_customer_with_the_email_normalized_and_no_password() throws Exception {
        String email = Api.uniqueEmail("Ada");

        MvcTestResult result = api.signUp("  " + email.toUpperCase() + " ", "Ada Lovelace", Api.PASSWORD);

        assertThat(result).hasStatus(201).hasContentType(MediaType.APPLICATION_JSON);
        assertThat(result).bodyJson().extractingPath("$.email").isEqualTo(email.toLowerCase());
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Ada Lovelace");
        assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactly("CUSTOMER");
        assertThat(UUID.fromString(Api.read(result, "$.id"))).isNotNull();
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain(Api.PASSWORD)
                .doesNotContain("$2a$");
    }

    /** The three sign-ups that returned ADMIN when {@code microshop.users.admin-emails} listed the plain address. */
    @ParameterizedTest
    @ValueSource(
            strings = {"adm\u0131n-%s@microshop.local", "admin-%s@micro\u017fhop.local", "admin-%s@microshop.local"})
    void no_sign_up_yields_the_admin_role_whatever_the_address_looks_like(String spelling) throws Exception {
        String unique = UUID.randomUUID().toString();
        String administrator = "admin-%s@microshop.local".formatted(unique);

        MvcTestResult result;
        try (var ignored = LiveConfiguration.change(context, "microshop.users.admin-emails", administrator)) {
            result = api.signUp(spelling.formatted(unique), "Mallory", Api.PASSWORD);
        }

        assertThat(result).hasStatus(201);
        assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactly("CUSTOMER");
        String token = Api.read(api.logIn(spelling.formatted(unique), Api.PASSWORD), "$.accessToken");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("CUSTOMER");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ADA-%s@EXAMPLE.COM", "ad\u0430-%s@example.com", "\uff41da-%s@example.com", "ada-%s@exarnple.com"
            })
    void a_look_alike_of_a_registered_address_is_refused_like_the_address_itself(String lookAlike) {
        String unique = UUID.randomUUID().toString();
        assertThat(api.signUp("ada-%s@example.com".formatted(unique), "Ada", Api.PASSWORD))
                .hasStatus(201);

        MvcTestResult again = api.signUp(lookAlike.formatted(unique), "Not Ada", Api.PASSWORD);

        assertThat(again).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again).bodyJson().extractingPath("$.title").isEqualTo("Email already registered");
        assertThat(again).bodyJson().extractingPath("$.detail").asString().endsWith("already exists");
    }

    @Test
    void an_address_is_stored_and_logged_in_with_in_its_one_canonical_spelling() {
        String unique = UUID.randomUUID().toString();

        MvcTestResult signedUp = api.signUp("Ro\u017fa-%s@Example.com".formatted(unique), "Rosa", Api.PASSWORD);

        assertThat(signedUp).hasStatus(201);
        assertThat(signedUp).bodyJson().extractingPath("$.email").isEqualTo("rosa-%s@example.com".formatted(unique));
        assertThat(api.logIn("ROSA-%s@example.com".formatted(unique), Api.PASSWORD))
                .hasStatus(200);
        assertThat(api.logIn("ro\u017fa-%s@example.com".formatted(unique), Api.PASSWORD))
                .hasStatus(200);
    }

    @Test
    void an_email_already_registered_in_another_case_is_a_409_problem() {
        String email = Api.uniqueEmail("grace");
        assertThat(api.signUp(email, "Grace", Api.PASSWORD)).hasStatus(201);

        MvcTestResult again = api.signUp(email.toUpperCase(), "Grace Two", Api.PASSWORD);

        assertThat(again).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again).bodyJson().extractingPath("$.status").isEqualTo(409);
        assertThat(again).bodyJson().extractingPath("$.detail").asString().contains("already exists");
        assertThat(again).bodyJson().extractingPath("$.traceId").asString().isNotBlank();
    }

    @Test
    void a_password_breaking_the_policy_is_a_400_problem_listing_every_broken_rule() {
        MvcTestResult result = api.signUp(Api.uniqueEmail("weak"), "Weak", "short");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsOnly("password");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].message")
                .asArray()
                .containsExactly("must be at least 10 characters long", "must contain a digit");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "[]",
                "",
                "{\"email\":\"x@example.com\"}",
                "{\"email\":{\"nested\":true},\"name\":\"Ada\",\"password\":\"analytical1\"}",
                "{\"email\":\"not-an-address\",\"name\":\"Ada\",\"password\":\"analytical1\"}",
                "{\"email\":\"x@example.com\",\"name\":\"   \",\"password\":\"analytical1\"}",
                "{\"email\":\"x@example.com\",\"name\":\"Ada\\u0000\",\"password\":\"analytical1\"}"
            })
    void malformed_sign_ups_are_400_problems_never_500(String body) {
        MvcTestResult result = api.postJson("/api/users", body);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
    }

    @Test
    void logging_in_returns_an_uncacheable_token_pair_whose_access_token_carries_the_agreed_claims() throws Exception {
        String email = Api.uniqueEmail("linus");
        String userId = Api.read(api.signUp(email, "Linus", Api.PASSWORD), "$.id");
        Instant before = Instant.now().minusSeconds(1);

        MvcTestResult result = api.logIn(email.toUpperCase(), Api.PASSWORD);

        assertThat(result).hasStatus(200).headers().hasValue("Cache-Control", "no-store");
        assertThat(result).bodyJson().extractingPath("$.expiresIn").isEqualTo(900);
        assertThat(Api.read(result, "$.refreshToken")).hasSizeGreaterThanOrEqualTo(43);
        SignedJWT jwt = SignedJWT.parse(Api.read(result, "$.accessToken"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID())
                .isEqualTo(signingKeys.findActive().orElseThrow().kid());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("microshop");
        assertThat(claims.getAudience()).containsExactly("microshop");
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime().toInstant()).isAfter(before);
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_401_problem() {
        String email = Api.uniqueEmail("margaret");
        api.signUp(email, "Margaret", Api.PASSWORD);

        MvcTestResult wrongPassword = api.logIn(email, "wrong-password1");
        MvcTestResult unknownEmail = api.logIn(Api.uniqueEmail("nobody"), Api.PASSWORD);

        for (MvcTestResult result : new MvcTestResult[] {wrongPassword, unknownEmail}) {
            assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("Email or password is wrong");
        }
    }

    @Test
    void the_signed_in_user_reads_their_own_account() {
        Api.Session session = api.newSession("barbara");

        MvcTestResult me = api.me(session.accessToken());

        assertThat(me).hasStatus(200);
        assertThat(me).bodyJson().extractingPath("$.id").isEqualTo(session.userId());
        assertThat(me).bodyJson().extractingPath("$.email").isEqualTo(session.email());
        assertThat(me).bodyJson().extractingPath("$.roles").asArray().containsExactly("CUSTOMER");
    }
}
