package dev.microshop.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** order-service's own counts of confirmed and cancelled orders, summed over its instances (their Prometheus scrape). */
final class OrderCounters {

    record Totals(double confirmed, double cancelled) {

        Totals minus(Totals earlier) {
            return new Totals(confirmed - earlier.confirmed, cancelled - earlier.cancelled);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> scrapes;

    OrderCounters(List<URI> scrapes) {
        this.scrapes = scrapes;
    }

    Totals read() throws IOException, InterruptedException {
        double confirmed = 0;
        double cancelled = 0;
        for (URI scrape : scrapes) {
            String metrics = http.send(
                            HttpRequest.newBuilder(scrape)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            confirmed += value(metrics, "microshop_orders_confirmed_total");
            cancelled += value(metrics, "microshop_orders_cancelled_total");
        }
        return new Totals(confirmed, cancelled);
    }

    /** The value of an unlabelled series in the Prometheus text format; 0 before it was first counted. */
    private static double value(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " ") || line.startsWith(series + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
