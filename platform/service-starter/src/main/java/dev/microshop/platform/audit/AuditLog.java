package dev.microshop.platform.audit;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;

/**
 * Where audit events end up: one JSON log line each on the logger {@code microshop.audit} (with
 * {@code audit_type}, {@code audit_principal} and the event's data), and the most recent ones in memory for
 * the operator's {@code /actuator/auditevents}.
 */
public class AuditLog extends InMemoryAuditEventRepository {

    private static final Logger log = LoggerFactory.getLogger("microshop.audit");

    @Override
    public void add(AuditEvent event) {
        super.add(event);
        try (MDC.MDCCloseable type = MDC.putCloseable("audit_type", event.getType());
                MDC.MDCCloseable principal = MDC.putCloseable("audit_principal", event.getPrincipal())) {
            log.info("{} by {}: {}", event.getType(), event.getPrincipal(), new TreeMap<>(safe(event.getData())));
        }
    }

    private static Map<String, Object> safe(Map<String, Object> data) {
        return data == null ? Map.of() : data;
    }
}
