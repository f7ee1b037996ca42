package dev.microshop.order.application.port;

import dev.microshop.order.domain.order.UserId;

/** user-service, asked whether a shopper exists. */
public interface UserDirectory {

    /** Throws {@link RemoteServiceUnavailableException} when user-service cannot answer in time. */
    boolean isRegistered(UserId userId);
}
