package dev.microshop.order.interfaces;

import dev.microshop.order.application.order.Requester;
import dev.microshop.order.domain.order.UserId;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who sent a request, read from their access token: {@code sub} is the user id, {@code roles} may hold ADMIN. */
public final class Caller {

    private Caller() {}

    public static Requester of(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Requester(UserId.parse(token.getSubject()), roles != null && roles.contains("ADMIN"));
    }
}
