package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The operator provisions administrators over HTTP on the management endpoint; nobody else can. */
@UserServiceIntegrationTest
class AdministratorsEndpointTest {

    @Autowired
    Environment environment;

    @Autowired
    AuditEventRepository auditEvents;

    Api api;
    Http http;

    @Autowired
    void api(MockMvcTester mockMvc) {
        this.api = new Api(mockMvc);
    }

    @BeforeEach
    void connect() {
        http = new Http(environment);
    }

    @Test
    void without_the_operators_credentials_nobody_lists_grants_or_revokes() {
        Api.Session customer = api.newSession("outsider");
        String wrongPassword = "Basic " + Base64.getEncoder().encodeToString("operator:guess".getBytes());

        assertThat(http.anonymous("GET", "/actuator/administrators").statusCode())
                .isEqualTo(401);
        assertThat(http.withAuthorization(wrongPassword, "GET", "/actuator/administrators")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.withAuthorization(
                                "Bearer " + customer.accessToken(), "DELETE", Http.administrator(customer.email()))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void a_granted_account_is_listed_audited_and_its_next_log_in_carries_the_admin_role() throws Exception {
        Api.Session future = api.newSession("future-admin");
        Instant before = Instant.now().minusSeconds(1);

        HttpResponse<String> granted = grant(future.email());

        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(granted.body(), "$.id")).isEqualTo(future.userId());
        assertThat((String) JsonPath.read(granted.body(), "$.email")).isEqualTo(future.email());
        assertThat(listedEmails()).contains(future.email());
        assertThat(roles(Api.read(api.logIn(future.email(), Api.PASSWORD), "$.accessToken")))
                .containsExactly("ADMIN", "CUSTOMER");
        assertThat(auditEvents.find("operator", before, "ADMIN_GRANTED"))
                .extracting(event -> event.getData().get("target"))
                .contains(future.email());
    }

    @Test
    void a_refresh_picks_up_a_grant_and_a_revocation() throws Exception {
        Api.Session session = api.newSession("refreshing");
        Instant before = Instant.now().minusSeconds(1);

        assertThat(grant(session.email()).statusCode()).isEqualTo(200);
        var afterGrant = api.refresh(session.refreshToken());
        assertThat(roles(Api.read(afterGrant, "$.accessToken"))).containsExactly("ADMIN", "CUSTOMER");

        HttpResponse<String> revoked = http.asOperator("DELETE", Http.administrator(session.email()), null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        var afterRevoke = api.refresh(Api.read(afterGrant, "$.refreshToken"));
        assertThat(roles(Api.read(afterRevoke, "$.accessToken"))).containsExactly("CUSTOMER");
        assertThat(listedEmails()).doesNotContain(session.email());
        List<AuditEvent> revocations = auditEvents.find("operator", before, "ADMIN_REVOKED");
        assertThat(revocations)
                .extracting(event -> event.getData().get("target"))
                .contains(session.email());
        assertThat(revocations)
                .extracting(event -> event.getData().get("userId"))
                .contains(session.userId());
    }

    @Test
    void the_address_is_matched_in_any_spelling() {
        Api.Session session = api.newSession("spelled");

        assertThat(grant(session.email().toUpperCase()).statusCode()).isEqualTo(200);

        assertThat(listedEmails()).contains(session.email());
    }

    @Test
    void granting_or_revoking_an_unknown_address_is_a_404_problem_naming_it() {
        String unknown = Api.uniqueEmail("nobody");

        for (HttpResponse<String> answer :
                List.of(grant(unknown), http.asOperator("DELETE", Http.administrator(unknown), null))) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat((String) JsonPath.read(answer.body(), "$.detail")).isEqualTo("No account with email " + unknown);
            assertThat((Integer) JsonPath.read(answer.body(), "$.status")).isEqualTo(404);
        }
    }

    @Test
    void a_malformed_or_missing_address_is_a_400() {
        assertThat(grant("not-an-address").statusCode()).isEqualTo(400);
        assertThat(http.asOperator("POST", "/actuator/administrators", "{}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void the_last_administrator_can_be_revoked_and_the_operator_can_grant_again() {
        for (String email : listedEmails()) {
            assertThat(http.asOperator("DELETE", Http.administrator(email), null)
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(listedEmails()).isEmpty();

        Api.Session session = api.newSession("comeback");
        assertThat(grant(session.email()).statusCode()).isEqualTo(200);
        assertThat(listedEmails()).containsExactly(session.email());
    }

    private HttpResponse<String> grant(String email) {
        return http.asOperator("POST", "/actuator/administrators", """
                {"email":"%s"}""".formatted(email));
    }

    private List<String> listedEmails() {
        HttpResponse<String> listed = http.asOperator("GET", "/actuator/administrators", null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return JsonPath.read(listed.body(), "$[*].email");
    }

    private static List<String> roles(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getStringListClaim("roles");
    }
}
