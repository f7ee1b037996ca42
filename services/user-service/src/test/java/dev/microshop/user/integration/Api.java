package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The HTTP calls the tests make again and again, as a client would make them. */
final class Api {

    static final String PASSWORD = "analytical1";

    /** What a client keeps after signing up and logging in. */
    record Session(String userId, String email, String accessToken, String refreshToken) {}

    private final MockMvcTester http;

    Api(MockMvcTester http) {
        this.http = http;
    }

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    MvcTestResult signUp(String email, String name, String password) {
        return postJson("/api/users", """
                {"email":"%s","name":"%s","password":"%s"}""".formatted(email, name, password));
    }

    MvcTestResult logIn(String email, String password) {
        return postJson("/api/auth/token", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
    }

    MvcTestResult refresh(String refreshToken) {
        return postJson("/api/auth/refresh", """
                {"refreshToken":"%s"}""".formatted(refreshToken));
    }

    MvcTestResult me(String accessToken) {
        return http.get()
                .uri("/api/users/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
                .exchange();
    }

    MvcTestResult postJson(String uri, String json) {
        return http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    /** Signs up a new user with a unique email and logs in. */
    Session newSession(String name) {
        return newSession(uniqueEmail(name), name);
    }

    /** Signs up a new user, has the operator grant it ADMIN, and logs in (so the token carries the role). */
    Session newAdminSession(Http http) {
        String email = uniqueEmail("admin");
        MvcTestResult signedUp = signUp(email, "Admin", PASSWORD);
        assertThat(signedUp).hasStatus(201);
        assertThat(http.asOperator("POST", "/actuator/administrators", """
                {"email":"%s"}""".formatted(email))
                        .statusCode())
                .isEqualTo(200);
        MvcTestResult loggedIn = logIn(email, PASSWORD);
        assertThat(loggedIn).hasStatus(200);
        return new Session(
                read(signedUp, "$.id"), email, read(loggedIn, "$.accessToken"), read(loggedIn, "$.refreshToken"));
    }

    Session newSession(String email, String name) {
        MvcTestResult signedUp = signUp(email, name, PASSWORD);
        assertThat(signedUp).hasStatus(201);
        MvcTestResult loggedIn = logIn(email, PASSWORD);
        assertThat(loggedIn).hasStatus(200);
        return new Session(
                read(signedUp, "$.id"),
                read(signedUp, "$.email"),
                read(loggedIn, "$.accessToken"),
                read(loggedIn, "$.refreshToken"));
    }

    static String read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), path)
                    .toString();
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
