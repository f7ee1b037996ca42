package dev.microshop.paymentprovider.faults;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How badly the provider behaves on its {@code /v1} API right now; a setting left out of a request is off.
 *
 * @param extraLatencyMs      added before every call is handled
 * @param failureRate         share (0..1) of calls answered with a 500 {@code api_error}
 * @param failAfterProcessing when true a failing call is handled first (a charge is made) and only its answer is
 *                            lost, as when a connection drops; when false it fails before anything happens
 */
public record FaultSettings(
        @Min(0) @Max(60_000) Long extraLatencyMs,
        @DecimalMin("0.0") @DecimalMax("1.0") Double failureRate,
        Boolean failAfterProcessing) {

    public FaultSettings {
        extraLatencyMs = extraLatencyMs == null ? 0L : extraLatencyMs;
        failureRate = failureRate == null ? 0.0 : failureRate;
        failAfterProcessing = failAfterProcessing != null && failAfterProcessing;
    }
}
