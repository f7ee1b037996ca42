package dev.microshop.notification.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.notification.application.announce.AnnounceOrderCancelled;
import dev.microshop.notification.application.announce.AnnounceOrderConfirmed;
import dev.microshop.notification.application.announce.OrderCancellation;
import dev.microshop.notification.application.announce.OrderConfirmation;
import dev.microshop.notification.application.announce.ShopperSignedUp;
import dev.microshop.notification.application.announce.WelcomeShopper;
import dev.microshop.notification.domain.notification.Notification;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A shopper reads their own notifications, and only theirs, and marks them read. */
@NotificationServiceIntegrationTest
class NotificationApiTest {

    @Autowired
    WelcomeShopper welcomeShopper;

    @Autowired
    AnnounceOrderConfirmed announceOrderConfirmed;

    @Autowired
    AnnounceOrderCancelled announceOrderCancelled;

    @Autowired
    MockMvcTester http;

    Api api;

    @Autowired
    void api(MockMvcTester http) {
        this.api = new Api(http);
    }

    @Test
    void a_shopper_pages_through_their_own_notifications_newest_first() {
        String anna = newId();
        String bert = newId();
        welcomeShopper.welcome(new ShopperSignedUp(anna, "Anna"));
        Notification confirmed =
                announceOrderConfirmed.announce(new OrderConfirmation(anna, newId(), new BigDecimal("9.90"), "EUR"));
        Notification cancelled = announceOrderCancelled.announce(new OrderCancellation(anna, newId(), "out of stock"));
        welcomeShopper.welcome(new ShopperSignedUp(bert, "Bert"));

        MvcTestResult firstPage = api.list(anna, "?page=0&size=2");

        assertThat(firstPage).hasStatusOk();
        assertThat(Api.<List<String>>read(firstPage, "$.content[*].id"))
                .containsExactly(cancelled.id().toString(), confirmed.id().toString());
        assertThat(Api.<Map<String, Object>>read(firstPage, "$.page"))
                .containsEntry("size", 2)
                .containsEntry("number", 0)
                .containsEntry("totalElements", 3)
                .containsEntry("totalPages", 2);
        assertThat(Api.<Map<String, Object>>read(firstPage, "$.content[0]"))
                .containsOnlyKeys("id", "userId", "kind", "title", "message", "reference", "createdAt", "read")
                .containsEntry("reference", cancelled.reference())
                .containsEntry("createdAt", cancelled.createdAt().toString());
        MvcTestResult secondPage = api.list(anna, "?page=1&size=2");
        assertThat(Api.<List<String>>read(secondPage, "$.content[*].kind")).containsExactly("WELCOME");
        assertThat(api.notificationsOf(bert))
                .extracting(notification -> notification.get("userId"))
                .containsExactly(bert);
    }

    @Test
    void a_shopper_marks_a_notification_read_and_reading_it_again_changes_nothing() {
        String anna = newId();
        Notification welcome = welcomeShopper.welcome(new ShopperSignedUp(anna, "Anna"));

        MvcTestResult read = api.markRead(anna, welcome.id().toString());

        assertThat(read).hasStatusOk();
        assertThat(Api.<Boolean>read(read, "$.read")).isTrue();
        assertThat(api.notificationsOf(anna).getFirst()).containsEntry("read", true);
        assertThat(api.markRead(anna, welcome.id().toString())).hasStatusOk();
    }

    @Test
    void another_shoppers_notification_does_not_exist_for_the_caller() {
        String anna = newId();
        Notification welcome = welcomeShopper.welcome(new ShopperSignedUp(anna, "Anna"));

        MvcTestResult snooping = api.markRead(newId(), welcome.id().toString());

        assertThat(snooping).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.<String>read(snooping, "$.detail")).isEqualTo("You have no notification " + welcome.id());
        assertThat(api.notificationsOf(anna).getFirst()).containsEntry("read", false);
    }

    @Test
    void an_id_that_names_no_notification_answers_not_found() {
        assertThat(api.markRead(newId(), newId())).hasStatus(404);
        assertThat(api.markRead(newId(), "not-an-id")).hasStatus(404);
    }

    @Test
    void a_page_out_of_range_is_a_bad_request_that_says_why() {
        MvcTestResult tooBig = api.list(newId(), "?size=101");

        assertThat(tooBig).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.<List<String>>read(tooBig, "$.errors[*].field")).containsExactly("size");
        assertThat(api.list(newId(), "?size=0")).hasStatus(400);
        assertThat(api.list(newId(), "?page=-1")).hasStatus(400);
    }

    @Test
    void without_a_token_nothing_is_answered() {
        assertThat(http.get().uri("/api/notifications"))
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(http.get().uri("/api/notifications/stream")).hasStatus(401);
        assertThat(http.post().uri("/api/notifications/{id}/read", newId())).hasStatus(401);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
