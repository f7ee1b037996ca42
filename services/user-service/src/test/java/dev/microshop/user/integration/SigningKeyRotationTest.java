package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import dev.microshop.testsupport.LiveConfiguration;
import dev.microshop.user.UserServiceApplication;
import dev.microshop.user.application.signingkey.RotateSigningKeyWhenDue;
import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Signing keys rotate without logging anybody out, live in the database rather than in one process, rotate on request
 * at most once per minimum interval, and are forgotten once no token can use them.
 */
@UserServiceIntegrationTest
class SigningKeyRotationTest {

    private static final String MINIMUM_INTERVAL = "microshop.users.signing-keys.minimum-rotation-interval";

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MockMvcTester http;

    @Autowired
    SigningKeyRepository signingKeys;

    @Autowired
    RotateSigningKeyWhenDue rotateSigningKeyWhenDue;

    @Autowired
    AuditEventRepository auditEvents;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void after_an_admin_rotation_new_tokens_carry_the_new_kid_and_tokens_signed_before_stay_valid() throws Exception {
        Api.Session admin = api.newAdminSession(new Http(context.getEnvironment()));
        String oldKid = kidOf(admin.accessToken());

        MvcTestResult rotated;
        try (var ignored = LiveConfiguration.change(context, MINIMUM_INTERVAL, "0s")) {
            rotated = rotate(admin);
        }

        assertThat(rotated).hasStatus(200);
        String newKid = Api.read(rotated, "$.kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        Api.Session later = api.newSession("after-rotation");
        assertThat(kidOf(later.accessToken())).isEqualTo(newKid);
        assertThat(api.me(admin.accessToken())).hasStatus(200);
        assertThat(api.me(later.accessToken())).hasStatus(200);
        assertThat(publishedKids()).contains(oldKid, newKid);
    }

    @Test
    void a_second_rotation_within_the_minimum_interval_is_a_429_problem_with_retry_after_and_each_rotation_is_audited()
            throws Exception {
        Api.Session admin = api.newAdminSession(new Http(context.getEnvironment()));
        Instant before = Instant.now().minusSeconds(1);
        MvcTestResult first;
        try (var ignored = LiveConfiguration.change(context, MINIMUM_INTERVAL, "0s")) {
            first = rotate(admin);
        }

        MvcTestResult second;
        try (var ignored = LiveConfiguration.change(context, MINIMUM_INTERVAL, "10m")) {
            second = rotate(admin);
        }

        assertThat(first).hasStatus(200);
        assertThat(second).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Integer.parseInt(second.getResponse().getHeader("Retry-After")))
                .isBetween(590, 600);
        assertThat(second).bodyJson().extractingPath("$.detail").asString().contains("rotate again later");
        assertThat(signingKeys.findActive().orElseThrow().kid()).isEqualTo(Api.read(first, "$.kid"));
        assertThat(auditEvents.find(admin.userId(), before, "SIGNING_KEY_ROTATED"))
                .extracting(event -> event.getData().get("kid"))
                .containsExactly(Api.read(first, "$.kid"));
    }

    @Test
    void a_key_retired_longer_than_any_token_lives_is_forgotten_at_the_next_check_while_a_recent_one_stays()
            throws Exception {
        Instant now = Instant.now();
        SigningKey template = SigningKey.generate(now);
        SigningKey expired = new SigningKey(
                "expired-" + UUID.randomUUID(),
                template.publicKey(),
                null,
                now.minus(Duration.ofDays(31)),
                now.minus(Duration.ofMinutes(21)));
        SigningKey recent = new SigningKey(
                "recent-" + UUID.randomUUID(),
                template.publicKey(),
                null,
                now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofMinutes(19)));
        signingKeys.add(expired);
        signingKeys.add(recent);

        assertThat(rotateSigningKeyWhenDue.rotateIfDue()).isEmpty();

        assertThat(signingKeys.findAll())
                .extracting(SigningKey::kid)
                .contains(recent.kid())
                .doesNotContain(expired.kid());
        assertThat(publishedKids()).contains(recent.kid()).doesNotContain(expired.kid());
    }

    @Test
    void however_often_keys_rotate_only_those_of_the_last_token_lifetime_are_kept() throws Exception {
        Api.Session admin = api.newAdminSession(new Http(context.getEnvironment()));
        try (var noInterval = LiveConfiguration.change(context, MINIMUM_INTERVAL, "0s");
                var shortTokens = LiveConfiguration.change(context, "microshop.users.tokens.access-token-ttl", "1s");
                var noMargin =
                        LiveConfiguration.change(context, "microshop.users.signing-keys.publication-margin", "0s")) {
            // Each time a fresh token: the key that signed the previous one may be gone.
            for (int i = 0; i < 5; i++) {
                assertThat(rotate(freshToken(admin))).hasStatus(200);
                Thread.sleep(1_100);
            }
            assertThat(rotate(freshToken(admin))).hasStatus(200);
        }

        // The active key and the one retired a moment ago; the rest had been retired longer than a token lives.
        assertThat(signingKeys.findAll()).hasSize(2);
    }

    @Test
    void the_jwks_is_public_and_holds_only_public_rs256_signature_keys() {
        MvcTestResult jwks = http.get().uri("/.well-known/jwks.json").exchange();

        assertThat(jwks).hasStatus(200);
        assertThat(jwks)
                .bodyJson()
                .extractingPath("$.keys[*].kty")
                .asArray()
                .isNotEmpty()
                .containsOnly("RSA");
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].use").asArray().containsOnly("sig");
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].alg").asArray().containsOnly("RS256");
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].d").asArray().isEmpty();
        assertThat(publishedKids())
                .contains(signingKeys.findActive().orElseThrow().kid());
    }

    @Test
    void the_active_key_is_replaced_once_the_rotation_period_has_passed() throws Exception {
        SigningKey before = signingKeys.findActive().orElseThrow();
        assertThat(rotateSigningKeyWhenDue.rotateIfDue()).isEmpty();

        try (var ignored = LiveConfiguration.change(context, "microshop.users.signing-keys.rotation-period", "0s")) {
            assertThat(rotateSigningKeyWhenDue.rotateIfDue()).isPresent();
        }

        SigningKey after = signingKeys.findActive().orElseThrow();
        assertThat(after.kid()).isNotEqualTo(before.kid());
        SigningKey retired = signingKeys.findAll().stream()
                .filter(key -> key.kid().equals(before.kid()))
                .findFirst()
                .orElseThrow();
        assertThat(retired.isActive()).isFalse();
        assertThat(retired.privateKey()).isNull();
        assertThat(publishedKids()).contains(before.kid(), after.kid());
    }

    @Test
    void a_freshly_started_instance_signs_and_verifies_with_the_stored_keys() {
        Api.Session session = api.newSession("restart");
        String activeKid = signingKeys.findActive().orElseThrow().kid();

        try (ConfigurableApplicationContext restarted = startAnotherInstance()) {
            assertThat(restarted
                            .getBean(SigningKeyRepository.class)
                            .findActive()
                            .orElseThrow()
                            .kid())
                    .isEqualTo(activeKid);
            assertThat(restarted
                            .getBean(JwtDecoder.class)
                            .decode(session.accessToken())
                            .getSubject())
                    .isEqualTo(session.userId());
        }
    }

    private MvcTestResult rotate(Api.Session admin) {
        return rotate(admin.accessToken());
    }

    private MvcTestResult rotate(String accessToken) {
        return http.post()
                .uri("/api/admin/signing-keys/rotate")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    private String freshToken(Api.Session session) {
        return Api.read(api.logIn(session.email(), Api.PASSWORD), "$.accessToken");
    }

    private List<String> publishedKids() {
        MvcTestResult jwks = http.get().uri("/.well-known/jwks.json").exchange();
        try {
            return JsonPath.read(jwks.getResponse().getContentAsString(), "$.keys[*].kid");
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String kidOf(String accessToken) throws ParseException {
        return SignedJWT.parse(accessToken).getHeader().getKeyID();
    }

    /** The same service once more, configured as this test's context (same database and broker), on free ports. */
    private ConfigurableApplicationContext startAnotherInstance() {
        List<String> arguments = new ArrayList<>();
        for (String source :
                List.of(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "microshopEmbeddedEngines")) {
            var properties = (EnumerablePropertySource<?>)
                    context.getEnvironment().getPropertySources().get(source);
            for (String name : properties.getPropertyNames()) {
                if (!name.equals("server.port")) {
                    arguments.add("--" + name + "=" + properties.getProperty(name));
                }
            }
        }
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(UserServiceApplication.class).run(arguments.toArray(String[]::new));
    }
}
