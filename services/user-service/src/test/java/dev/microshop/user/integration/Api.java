package dev.microshop.user.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The HTTP calls the tests make again and again, as a client would make them. */
final class Api {

    static final String PASSWORD = "analytical1";

    /** What a client keeps after signing up and logging in. */
    record Session(String userId, String email, String accessToken, String refreshToken) {
    }

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
        return http.get().uri("/api/users/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange();
    }

    MvcTestResult postJson(String uri, String json) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    /** Signs up a new user with a unique email and logs in. */
    Session newSession(String name) {
        return newSession(uniqueEmail(name), name);
    }

    /** Signs up a new user whose email is, at that moment, on the administrator list, and logs in. */
    Session newAdminSession(ConfigurableApplicationContext context) throws Exception {
        String email = uniqueEmail("admin");
        try (var ignored = LiveConfiguration.change(context, "microshop.users.admin-emails", email)) {
            return newSession(email, "Admin");
        }
    }

    Session newSession(String email, String name) {
        MvcTestResult signedUp = signUp(email, name, PASSWORD);
        assertThat(signedUp).hasStatus(201);
        MvcTestResult loggedIn = logIn(email, PASSWORD);
        assertThat(loggedIn).hasStatus(200);
        return new Session(read(signedUp, "$.id"), read(signedUp, "$.email"), read(loggedIn, "$.accessToken"),
                read(loggedIn, "$.refreshToken"));
    }

    static String read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), path).toString();
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
