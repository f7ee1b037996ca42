package dev.microshop.payment.infrastructure.provider;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every call to the provider goes through, from the outside in: retry (only {@link ProviderUnavailableException},
 * i.e. 5xx and connection errors, which are safe because every call carries an idempotency key or only reads),
 * the circuit breaker (fails fast while the provider is down), and the time limit (one call may take this long).
 * Their settings are {@code resilience4j.*.instances.payment-provider} in the configuration.
 */
class ProviderResilience {

    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;

    ProviderResilience(Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, ExecutorService calls) {
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.calls = calls;
    }

    /**
     * Runs {@code call}; a {@link ProviderRejectedException} passes through, every other failure becomes a
     * {@link ProviderUnavailableException}.
     */
    <T> T call(Supplier<T> call) {
        Callable<T> limited =
                TimeLimiter.decorateFutureSupplier(timeLimiter, () -> CompletableFuture.supplyAsync(call, calls));
        Callable<T> guarded = Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(circuitBreaker, limited));
        try {
            return guarded.call();
        } catch (ProviderRejectedException | ProviderUnavailableException known) {
            throw known;
        } catch (TimeoutException slow) {
            throw new ProviderUnavailableException(
                    "Payment provider did not answer within "
                            + timeLimiter
                                    .getTimeLimiterConfig()
                                    .getTimeoutDuration()
                                    .toMillis() + " ms",
                    slow);
        } catch (CallNotPermittedException open) {
            throw new ProviderUnavailableException("Circuit to the payment provider is open", open);
        } catch (Exception unexpected) {
            throw new ProviderUnavailableException("Payment provider call failed: " + unexpected, unexpected);
        }
    }
}
