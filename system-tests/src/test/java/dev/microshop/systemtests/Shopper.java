package dev.microshop.systemtests;

import static dev.microshop.systemtests.Microshop.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** A shopper who signed up through the gateway and holds an access token. */
record Shopper(String id, String email, String accessToken) {

    static final String PASSWORD = "correct-horse-42";

    static Shopper signUp() {
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> created = Microshop.post(
                GATEWAY + "/api/users", Map.of("email", email, "name", "Test Shopper", "password", PASSWORD), Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Microshop.json(created).get("id").asString();
        Shopper withoutToken = new Shopper(id, email, null);
        HttpResponse<String> token = withoutToken.logIn();
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new Shopper(id, email, Microshop.json(token).get("accessToken").asString());
    }

    /**
     * An administrator as an operator makes one: signed up like anyone (which never makes an administrator), then
     * granted the role with {@code ./microshop admin grant}; the token of the next log-in carries it.
     */
    static Shopper admin() {
        String email = "admin@microshop.local";
        HttpResponse<String> created = Microshop.post(
                GATEWAY + "/api/users",
                Map.of("email", email, "name", "Administrator", "password", PASSWORD),
                Map.of());
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        Microshop.CommandResult grant = Microshop.run("admin", "grant", email);
        assertThat(grant.exitCode()).as(grant.output()).isZero();
        Shopper withoutToken = new Shopper(null, email, null);
        HttpResponse<String> token = withoutToken.logIn();
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new Shopper(null, email, Microshop.json(token).get("accessToken").asString());
    }

    static HttpResponse<String> trySignUp(String password) {
        return Microshop.post(
                GATEWAY + "/api/users",
                Map.of("email", "policy-" + UUID.randomUUID() + "@example.com", "name", "Policy", "password", password),
                Map.of());
    }

    HttpResponse<String> logIn() {
        return logInWith(PASSWORD);
    }

    HttpResponse<String> logInWith(String password) {
        return Microshop.post(GATEWAY + "/api/auth/token", Map.of("email", email, "password", password), Map.of());
    }

    Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + accessToken);
    }
}
