package dev.microshop.platform.logging;

/** The MDC keys every service writes, so that a log search by user or order finds the lines of all services. */
public final class LogContext {

    /** The caller of a request or gRPC call: the subject of its access token. */
    public static final String USER_ID = "user_id";

    /** The order a line is about, in the services that handle an order's events. */
    public static final String ORDER_ID = "order_id";

    private LogContext() {}
}
