package dev.microshop.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microshop.notification.application.live.LiveNotifications;
import dev.microshop.notification.application.live.NotificationSubscriber;
import dev.microshop.notification.application.live.StreamLimits;
import dev.microshop.notification.application.live.TooManyStreamsException;
import dev.microshop.notification.application.port.NotificationFeed;
import dev.microshop.notification.domain.notification.Notification;
import dev.microshop.notification.domain.notification.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LiveNotificationsTest {

    static final UserId ANNA = new UserId(UUID.randomUUID());
    static final UserId BERT = new UserId(UUID.randomUUID());

    final StoredFeed feed = new StoredFeed();
    final LiveNotifications live = new LiveNotifications(feed, new StreamLimits(2, 3));

    @Test
    void a_subscriber_gets_its_shoppers_notifications_stored_after_it_subscribed() {
        feed.store(welcome(ANNA));
        Client anna = new Client(ANNA);
        live.subscribe(anna);
        Notification afterwards = feed.store(welcome(ANNA));

        live.pushNew();

        assertThat(anna.received).containsExactly(afterwards);
    }

    @Test
    void each_notification_is_pushed_once_to_every_subscriber_of_its_shopper_and_to_nobody_else() {
        Client annaOnPhone = new Client(ANNA);
        Client annaOnLaptop = new Client(ANNA);
        Client bert = new Client(BERT);
        live.subscribe(annaOnPhone);
        live.subscribe(annaOnLaptop);
        live.subscribe(bert);
        Notification forAnna = feed.store(welcome(ANNA));

        live.pushNew();
        live.pushNew();

        assertThat(annaOnPhone.received).containsExactly(forAnna);
        assertThat(annaOnLaptop.received).containsExactly(forAnna);
        assertThat(bert.received).isEmpty();
    }

    @Test
    void a_subscriber_whose_client_is_gone_is_forgotten() {
        Client gone = new Client(ANNA);
        live.subscribe(gone);
        gone.connected = false;
        feed.store(welcome(ANNA));

        live.pushNew();

        assertThat(live.subscriberCount()).isZero();
    }

    @Test
    void keep_alive_reaches_every_subscriber_and_forgets_the_gone_ones() {
        Client anna = new Client(ANNA);
        Client gone = new Client(BERT);
        live.subscribe(anna);
        live.subscribe(gone);
        gone.connected = false;

        live.keepAlive();

        assertThat(anna.keepAlives).isEqualTo(1);
        assertThat(live.subscriberCount()).isEqualTo(1);
    }

    @Test
    void a_shopper_over_the_limit_is_refused_and_keeps_the_streams_already_open() {
        Client phone = new Client(ANNA);
        Client laptop = new Client(ANNA);
        live.subscribe(phone);
        live.subscribe(laptop);

        assertThatThrownBy(() -> live.subscribe(new Client(ANNA)))
                .isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("2 notification streams");
        live.subscribe(new Client(BERT));

        assertThat(live.subscriberCount()).isEqualTo(3);
        assertThat(phone.ended || laptop.ended).isFalse();
    }

    @Test
    void an_instance_at_its_total_limit_refuses_everybody_until_a_stream_ends() {
        Client anna = new Client(ANNA);
        live.subscribe(anna);
        live.subscribe(new Client(BERT));
        live.subscribe(new Client(new UserId(UUID.randomUUID())));

        assertThatThrownBy(() -> live.subscribe(new Client(new UserId(UUID.randomUUID()))))
                .isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("retry later");

        live.unsubscribe(anna);
        live.subscribe(new Client(new UserId(UUID.randomUUID())));
        assertThat(live.subscriberCount()).isEqualTo(3);
    }

    @Test
    void nothing_is_read_while_nobody_is_connected() {
        feed.store(welcome(ANNA));

        live.pushNew();

        assertThat(feed.reads).isZero();
    }

    @Test
    void stopping_ends_every_stream() {
        Client anna = new Client(ANNA);
        live.subscribe(anna);

        live.endAll();

        assertThat(anna.ended).isTrue();
        assertThat(live.subscriberCount()).isZero();
    }

    static Notification welcome(UserId user) {
        return Notification.welcome(user, "Shopper", Instant.now());
    }

    /** Notifications as every instance stored them; positions are 1, 2, 3, ... */
    static final class StoredFeed implements NotificationFeed {

        final List<Notification> stored = new ArrayList<>();
        int reads;

        Notification store(Notification notification) {
            stored.add(notification);
            return notification;
        }

        @Override
        public long end() {
            return stored.size();
        }

        @Override
        public Batch readAfter(long position, Set<UserId> recipients) {
            reads++;
            return new Batch(
                    stored.subList((int) position, stored.size()).stream()
                            .filter(notification -> recipients.contains(notification.recipient()))
                            .toList(),
                    stored.size());
        }
    }

    /** A connected client that remembers what it got. */
    static final class Client implements NotificationSubscriber {

        final UserId userId;
        final List<Notification> received = new ArrayList<>();
        boolean connected = true;
        int keepAlives;
        boolean ended;

        Client(UserId userId) {
            this.userId = userId;
        }

        @Override
        public UserId userId() {
            return userId;
        }

        @Override
        public boolean send(Notification notification) {
            if (connected) {
                received.add(notification);
            }
            return connected;
        }

        @Override
        public boolean keepAlive() {
            if (connected) {
                keepAlives++;
            }
            return connected;
        }

        @Override
        public void end() {
            ended = true;
        }
    }
}
