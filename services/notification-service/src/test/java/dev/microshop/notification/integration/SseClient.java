package dev.microshop.notification.integration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of a server-sent-events stream over real HTTP, like a browser's EventSource. */
final class SseClient implements AutoCloseable {

    /** One event, or one comment line ({@code comment} set, the rest empty). */
    record Event(String id, String name, String data, String comment) {}

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread.ofVirtual().start(this::readEvents);
    }

    static SseClient open(URI uri, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + accessToken)
                .build();
        try {
            return new SseClient(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event or comment, waiting at most {@code patience}. */
    Event next(Duration patience) throws InterruptedException {
        Event event = events.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("Nothing on the stream within " + patience);
        }
        return event;
    }

    /** The next event that is not a comment. */
    Event nextEvent(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Event event;
        do {
            event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } while (event.comment() != null);
        return event;
    }

    private void readEvents() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            List<String> data = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.add(line.substring(5).strip());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(id, name, String.join("\n", data), null));
                    id = null;
                    name = null;
                    data.clear();
                }
            }
        } catch (IOException closed) {
            // The test closed the stream.
        } finally {
            ended.countDown();
        }
    }

    /** Whether the server ended the stream within {@code patience}. */
    boolean endsWithin(Duration patience) throws InterruptedException {
        return ended.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
