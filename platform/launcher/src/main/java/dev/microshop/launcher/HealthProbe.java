package dev.microshop.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a process whether it is ready or alive: an HTTP GET that must answer 200 within the timeout, or for a
 * {@code tcp://} URL (a server that speaks no HTTP, such as Redis) a connection it accepts.
 */
final class HealthProbe {

    private final HttpClient client;
    private final Duration timeout;

    HealthProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    boolean answers200(URI uri) {
        if ("tcp".equals(uri.getScheme())) {
            return isListening(uri.getPort());
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether something accepts connections on this loopback port. */
    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
