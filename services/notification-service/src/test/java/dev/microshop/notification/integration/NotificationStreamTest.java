package dev.microshop.notification.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microshop.contracts.events.Money;
import dev.microshop.contracts.events.OrderEvents.OrderConfirmed;
import dev.microshop.contracts.events.Topics;
import dev.microshop.notification.application.live.LiveNotifications;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.NotificationRepository;
import dev.microshop.notification.domain.notification.UserId;
import dev.microshop.testsupport.TestAccessTokens;
import dev.microshop.testsupport.TestEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A connected shopper gets their new notifications pushed over server-sent events, whoever stored them. */
@NotificationServiceIntegrationTest
class NotificationStreamTest {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    LiveNotifications live;

    @Test
    void a_confirmed_order_is_pushed_to_its_shopper_and_to_nobody_else() throws Exception {
        String anna = newId();
        String bert = newId();
        String orderId = newId();
        try (SseClient annasStream = open(anna);
                SseClient bertsStream = open(bert)) {
            assertThat(annasStream.response().statusCode()).isEqualTo(200);
            assertThat(annasStream.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(annasStream.next(PATIENCE).comment()).isEqualTo("connected");

            TestEvents.send(
                    Topics.ORDER_EVENTS,
                    orderId,
                    OrderConfirmed.TYPE,
                    new OrderConfirmed(orderId, anna, new Money(new BigDecimal("12.50"), "EUR")));

            SseClient.Event pushed = annasStream.nextEvent(PATIENCE);
            assertThat(pushed.name()).isEqualTo("notification");
            JsonNode notification = json.readTree(pushed.data());
            assertThat(notification.get("id").asString()).isEqualTo(pushed.id());
            assertThat(notification.get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
            assertThat(notification.get("reference").asString()).isEqualTo(orderId);
            assertThat(notification.get("userId").asString()).isEqualTo(anna);
            assertThat(bertsStream.next(PATIENCE).comment()).isEqualTo("connected");
            assertThat(bertsStream.next(PATIENCE).comment()).isEqualTo("keep-alive");
        }
    }

    @Test
    void a_notification_another_instance_stored_is_pushed_too() throws Exception {
        String anna = newId();
        try (SseClient stream = open(anna)) {
            assertThat(stream.next(PATIENCE).comment()).isEqualTo("connected");
            // What an instance that got the event from Kafka does: store it in the shared database, nothing more.
            Notification storedElsewhere = Notification.welcome(UserId.parse(anna), "Anna", Instant.now());
            transactions.executeWithoutResult(status -> notifications.add(storedElsewhere));

            SseClient.Event pushed = stream.nextEvent(PATIENCE);

            assertThat(pushed.id()).isEqualTo(storedElsewhere.id().toString());
            assertThat(json.readTree(pushed.data()).get("kind").asString()).isEqualTo("WELCOME");
        }
    }

    @Test
    void a_quiet_stream_gets_keep_alives_and_a_closed_one_is_forgotten() throws Exception {
        SseClient stream = open(newId());
        assertThat(stream.next(PATIENCE).comment()).isEqualTo("connected");
        assertThat(stream.next(PATIENCE).comment()).isEqualTo("keep-alive");
        assertThat(live.subscriberCount()).isPositive();

        stream.close();

        // Every other test closes its streams too: the next keep-alive finds them all gone.
        Eventually.await("closed streams to be forgotten", live::subscriberCount, count -> count == 0);
    }

    @Test
    void a_stream_ends_by_itself_when_the_access_token_that_opened_it_expires() throws Exception {
        String anna = newId();
        String token = TestAccessTokens.forUser(anna, Duration.ofSeconds(3), "CUSTOMER");
        // exp is whole seconds: the token expires up to a second before now + 3 s.
        Instant expires = com.nimbusds.jwt.SignedJWT.parse(token)
                .getJWTClaimsSet()
                .getExpirationTime()
                .toInstant();
        try (SseClient stream = SseClient.open(streamUri(), token)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.next(PATIENCE).comment()).isEqualTo("connected");

            assertThat(stream.endsWithin(Duration.ofSeconds(10)))
                    .as("the stream ends with its token")
                    .isTrue();
            assertThat(Instant.now())
                    .as("the stream ended, not before its token expired")
                    .isAfterOrEqualTo(expires.minusMillis(100));
        }
    }

    @Test
    void a_shopper_over_the_stream_limit_is_refused_with_429_and_keeps_the_open_streams() throws Exception {
        String anna = newId();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) { // max-per-user in config/notification-service.yml
                streams.add(open(anna));
                assertThat(streams.getLast().next(PATIENCE).comment()).isEqualTo("connected");
            }

            HttpResponse<String> refused = requestRefusedStream(anna);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("title").asString()).isEqualTo("Too many streams");
            assertThat(problem.get("detail").asString()).contains("5 notification streams");
            try (SseClient someoneElse = open(newId())) {
                assertThat(someoneElse.response().statusCode()).isEqualTo(200);
            }
            assertThat(streams.getFirst().next(PATIENCE).comment())
                    .as("the open streams stay")
                    .isEqualTo("keep-alive");

            streams.removeFirst().close();
            Eventually.await("a closed stream to free its place", () -> open(anna), next -> {
                boolean accepted = next.response().statusCode() == 200;
                closeQuietly(next);
                return accepted;
            });
        } finally {
            streams.forEach(NotificationStreamTest::closeQuietly);
        }
    }

    /** A stream request whose answer is not a stream, read as a whole; an accepted stream never ends, so: a time limit. */
    private HttpResponse<String> requestRefusedStream(String userId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(streamUri())
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestAccessTokens.forUser(userId, "CUSTOMER"))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void closeQuietly(SseClient stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // Only the test's own end of the connection.
        }
    }

    private URI streamUri() {
        return URI.create("http://127.0.0.1:" + port + "/api/notifications/stream");
    }

    private SseClient open(String userId) {
        return SseClient.open(streamUri(), TestAccessTokens.forUser(userId, "CUSTOMER"));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
