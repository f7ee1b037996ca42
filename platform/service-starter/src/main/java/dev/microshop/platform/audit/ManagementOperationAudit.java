package dev.microshop.platform.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Audits every management call that may change state (anything but GET and HEAD), with its outcome. */
public class ManagementOperationAudit extends OncePerRequestFilter {

    private final ApplicationEventPublisher publisher;

    public ManagementOperationAudit(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        try {
            chain.doFilter(request, response);
        } finally {
            publisher.publishEvent(new AuditApplicationEvent(
                    caller == null ? "anonymous" : caller.getName(),
                    "MANAGEMENT_OPERATION",
                    Map.of(
                            "method",
                            request.getMethod(),
                            "path",
                            request.getRequestURI(),
                            "status",
                            response.getStatus())));
        }
    }
}
