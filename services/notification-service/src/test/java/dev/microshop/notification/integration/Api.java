package dev.microshop.notification.integration;

import com.jayway.jsonpath.JsonPath;
import dev.microshop.testsupport.TestAccessTokens;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The HTTP calls the tests make again and again, as a client would make them. */
final class Api {

    private final MockMvcTester http;

    Api(MockMvcTester http) {
        this.http = http;
    }

    MvcTestResult list(String userId) {
        return list(userId, "");
    }

    MvcTestResult list(String userId, String query) {
        return http.get()
                .uri("/api/notifications" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAccessTokens.forUser(userId, "CUSTOMER"))
                .exchange();
    }

    MvcTestResult markRead(String userId, String notificationId) {
        return http.post()
                .uri("/api/notifications/{id}/read", notificationId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestAccessTokens.forUser(userId, "CUSTOMER"))
                .exchange();
    }

    /** The user's notifications on the first page, newest first, as JSON objects. */
    List<Map<String, Object>> notificationsOf(String userId) {
        return read(list(userId, "?size=100"), "$.content");
    }

    /** Waits until the user has {@code count} notifications and returns them, newest first. */
    List<Map<String, Object>> awaitNotifications(String userId, int count) {
        return Eventually.await(
                count + " notification(s) for " + userId,
                () -> notificationsOf(userId),
                found -> found.size() >= count);
    }

    static <T> T read(MvcTestResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), path);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
