package dev.microshop.user.interfaces.management;

import dev.microshop.platform.web.TraceIds;
import dev.microshop.user.application.admin.GrantAdministrator;
import dev.microshop.user.application.admin.ListAdministrators;
import dev.microshop.user.application.admin.RevokeAdministrator;
import dev.microshop.user.domain.user.InvalidUserDetailsException;
import dev.microshop.user.domain.user.User;
import dev.microshop.user.domain.user.UserNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/administrators}, the operator's way to provision administrators (the management port and the
 * operator's credentials guard it): list them, grant ADMIN to an existing account, revoke it. Each grant and revoke
 * is audited (ADMIN_GRANTED, ADMIN_REVOKED) with the operator as actor; the role reaches the account's tokens at its
 * next log-in or refresh.
 */
@Component
@Endpoint(id = "administrators")
class AdministratorsEndpoint {

    /** An administrator as the operator sees it. */
    record Administrator(String id, String email) {

        static Administrator of(User user) {
            return new Administrator(user.id().toString(), user.email().value());
        }
    }

    private final ListAdministrators listAdministrators;
    private final GrantAdministrator grantAdministrator;
    private final RevokeAdministrator revokeAdministrator;
    private final ApplicationEventPublisher events;
    private final TraceIds traceIds;

    AdministratorsEndpoint(
            ListAdministrators listAdministrators,
            GrantAdministrator grantAdministrator,
            RevokeAdministrator revokeAdministrator,
            ApplicationEventPublisher events,
            TraceIds traceIds) {
        this.listAdministrators = listAdministrators;
        this.grantAdministrator = grantAdministrator;
        this.revokeAdministrator = revokeAdministrator;
        this.events = events;
        this.traceIds = traceIds;
    }

    @ReadOperation
    List<Administrator> administrators() {
        return listAdministrators.list().stream().map(Administrator::of).toList();
    }

    /** {@code POST {"email":"..."}}: the account, now an administrator; 404 if no account has this address. */
    @WriteOperation
    WebEndpointResponse<Object> grant(String email, SecurityContext operator) {
        return changed(() -> grantAdministrator.grant(email), "ADMIN_GRANTED", operator);
    }

    /** {@code DELETE /{email}}: the account, now a customer only; 404 if no account has this address. */
    @DeleteOperation
    WebEndpointResponse<Object> revoke(@Selector String email, SecurityContext operator) {
        return changed(() -> revokeAdministrator.revoke(email), "ADMIN_REVOKED", operator);
    }

    private WebEndpointResponse<Object> changed(Supplier<User> change, String auditType, SecurityContext operator) {
        try {
            User user = change.get();
            events.publishEvent(new AuditApplicationEvent(
                    operator.getPrincipal().getName(),
                    auditType,
                    Map.of("target", user.email().value(), "userId", user.id().toString())));
            return new WebEndpointResponse<>(Administrator.of(user));
        } catch (UserNotFoundException notFound) {
            return problem(WebEndpointResponse.STATUS_NOT_FOUND, "User not found", notFound.getMessage());
        } catch (InvalidUserDetailsException invalid) {
            return problem(WebEndpointResponse.STATUS_BAD_REQUEST, "Bad Request", invalid.getMessage());
        }
    }

    /** The same RFC 9457 body the service's other errors have. */
    private WebEndpointResponse<Object> problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        String traceId = traceIds.current();
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        return new WebEndpointResponse<>(body, status, MediaType.APPLICATION_PROBLEM_JSON);
    }
}
