package dev.microshop.gateway.hardening;

import static dev.microshop.platform.config.SettingChecks.required;

import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway accepts from clients ({@code microshop.gateway.requests}).
 *
 * @param maxBodySize     the largest request body; a larger one is refused with 413
 * @param internalHeaders headers that only the system itself may set, removed from every client request before
 *                        routing; a name ending in {@code *} stands for every header starting with it
 */
public record RequestProperties(DataSize maxBodySize, List<String> internalHeaders) {

    public RequestProperties {
        required("max-body-size", maxBodySize);
        internalHeaders = List.copyOf(required("internal-headers", internalHeaders));
    }

    boolean isInternal(String header) {
        return internalHeaders.stream()
                .anyMatch(internal -> internal.endsWith("*")
                        ? header.regionMatches(true, 0, internal, 0, internal.length() - 1)
                        : header.equalsIgnoreCase(internal));
    }
}
