package dev.microshop.order.application.port;

/** A service this one needs did not answer (down, overloaded, or too slow for the deadline); worth retrying later. */
public class RemoteServiceUnavailableException extends RuntimeException {

    public RemoteServiceUnavailableException(String service, Throwable cause) {
        super(service + " is not available right now; please try again shortly", cause);
    }
}
