package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import dev.microshop.user.UserServiceApplication;
import dev.microshop.user.application.signingkey.RotateSigningKeyWhenDue;
import dev.microshop.user.domain.signingkey.SigningKey;
import dev.microshop.user.domain.signingkey.SigningKeyRepository;
import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Signing keys rotate without logging anybody out, and live in the database rather than in one process. */
@UserServiceIntegrationTest
class SigningKeyRotationTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MockMvcTester http;

    @Autowired
    SigningKeyRepository signingKeys;

    @Autowired
    RotateSigningKeyWhenDue rotateSigningKeyWhenDue;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void after_an_admin_rotation_new_tokens_carry_the_new_kid_and_tokens_signed_before_stay_valid() throws Exception {
        Api.Session admin = api.newAdminSession(context);
        String oldKid = kidOf(admin.accessToken());

        MvcTestResult rotated = http.post().uri("/api/admin/signing-keys/rotate")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.accessToken()).exchange();

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
    void the_jwks_is_public_and_holds_only_public_rs256_signature_keys() {
        MvcTestResult jwks = http.get().uri("/.well-known/jwks.json").exchange();

        assertThat(jwks).hasStatus(200);
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].kty").asArray().isNotEmpty().containsOnly("RSA");
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].use").asArray().containsOnly("sig");
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].alg").asArray().containsOnly("RS256");
        assertThat(jwks).bodyJson().extractingPath("$.keys[*].d").asArray().isEmpty();
        assertThat(publishedKids()).contains(signingKeys.findActive().orElseThrow().kid());
    }

    @Test
    void the_active_key_is_replaced_once_the_rotation_period_has_passed() throws Exception {
        SigningKey before = signingKeys.findActive().orElseThrow();
        assertThat(rotateSigningKeyWhenDue.rotateIfDue()).isFalse();

        try (var ignored = LiveConfiguration.change(context, "microshop.users.signing-keys.rotation-period", "0s")) {
            assertThat(rotateSigningKeyWhenDue.rotateIfDue()).isTrue();
        }

        SigningKey after = signingKeys.findActive().orElseThrow();
        assertThat(after.kid()).isNotEqualTo(before.kid());
        SigningKey retired = signingKeys.findAll().stream().filter(key -> key.kid().equals(before.kid())).findFirst()
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
            assertThat(restarted.getBean(SigningKeyRepository.class).findActive().orElseThrow().kid())
                    .isEqualTo(activeKid);
            assertThat(restarted.getBean(JwtDecoder.class).decode(session.accessToken()).getSubject())
                    .isEqualTo(session.userId());
        }
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
        for (String source : List.of(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                "microshopEmbeddedEngines")) {
            var properties = (EnumerablePropertySource<?>) context.getEnvironment().getPropertySources().get(source);
            for (String name : properties.getPropertyNames()) {
                arguments.add("--" + name + "=" + properties.getProperty(name));
            }
        }
        arguments.add("--server.port=0");
        return new SpringApplicationBuilder(UserServiceApplication.class).run(arguments.toArray(String[]::new));
    }
}
