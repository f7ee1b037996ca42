package dev.microshop.platform.audit;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Turns on Boot's audit events for every process: admin actions publish an {@code AuditApplicationEvent}, and the
 * {@link AuditLog} writes each one to the log. Runs before Boot's audit configuration, which only starts listening
 * when a repository exists.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration")
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AuditEventRepository.class)
    AuditLog auditLog() {
        return new AuditLog();
    }

    @Bean
    @ConditionalOnMissingBean(AbstractAuthenticationAuditListener.class)
    OperatorAuthenticationAudit operatorAuthenticationAudit() {
        return new OperatorAuthenticationAudit();
    }
}
