package dev.microshop.paymentprovider.faults;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/** Makes the payment API ({@code /v1/**}) slow and flaky as the {@link FaultKnobs} say; the ledger and admin API stay reliable. */
public class FaultInjectionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionFilter.class);
    private static final byte[] OUTAGE = """
            {"error":{"type":"api_error","code":"internal_error","message":"An error occurred with our connection to the card network; retry with the same Idempotency-Key."}}""".getBytes(StandardCharsets.UTF_8);

    private final FaultKnobs knobs;

    public FaultInjectionFilter(FaultKnobs knobs) {
        this.knobs = knobs;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FaultSettings faults = knobs.current();
        if (faults.extraLatencyMs() > 0) {
            pause(faults.extraLatencyMs());
        }
        if (!knobs.nextCallFails()) {
            chain.doFilter(request, response);
            return;
        }
        if (faults.failAfterProcessing()) {
            // Handle the call for real, then lose its answer.
            ContentCachingResponseWrapper discarded = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, discarded);
        }
        log.info(
                "Injected failure for {} {} (after processing: {})",
                request.getMethod(),
                request.getRequestURI(),
                faults.failAfterProcessing());
        response.reset();
        response.setStatus(500);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(OUTAGE);
    }

    private static void pause(long millis) throws ServletException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServletException("Interrupted while adding latency", e);
        }
    }
}
