package dev.microshop.platform.audit;

import java.util.Map;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

/**
 * Audits the operator's log-ins (HTTP Basic on the management port), successful or not. Replaces Boot's listener,
 * which would also record every request's access-token check as a log-in.
 */
public class OperatorAuthenticationAudit extends AbstractAuthenticationAuditListener {

    @Override
    public void onApplicationEvent(AbstractAuthenticationEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken authentication)) {
            return;
        }
        if (event instanceof AbstractAuthenticationFailureEvent failure) {
            publish(new AuditEvent(
                    authentication.getName(),
                    "OPERATOR_AUTHENTICATION_FAILURE",
                    Map.of("reason", failure.getException().getClass().getSimpleName())));
        } else {
            publish(new AuditEvent(authentication.getName(), "OPERATOR_AUTHENTICATION_SUCCESS", Map.of()));
        }
    }
}
