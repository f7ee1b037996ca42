package dev.microshop.notification.application.live;

/**
 * How many live streams one instance holds: per shopper, and in all. Each one holds a connection and its buffers
 * until it ends, so without a limit one token could exhaust the instance for everybody.
 */
public record StreamLimits(int perShopper, int total) {

    public StreamLimits {
        if (perShopper < 1 || total < perShopper) {
            throw new IllegalArgumentException(
                    "stream limits need 1 <= per shopper (" + perShopper + ") <= total (" + total + ")");
        }
    }
}
