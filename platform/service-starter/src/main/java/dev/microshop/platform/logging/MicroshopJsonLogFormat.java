package dev.microshop.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.StandardStackTracePrinter;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * One JSON object per log line with the fields every microshop process shares: timestamp, level,
 * service, instance, trace_id, span_id, logger, message, then any other MDC context (user_id, ...).
 */
public class MicroshopJsonLogFormat extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

    /** Keys Micrometer Tracing puts into the MDC; written under their snake_case names instead. */
    private static final String TRACE_ID = "traceId";

    private static final String SPAN_ID = "spanId";

    /** Enough of a stack trace to find the cause; a log line is not the place for hundreds of frames. */
    private static final StackTracePrinter STACK_TRACES =
            StandardStackTracePrinter.rootFirst().withMaximumThrowableDepth(20).withMaximumLength(6000);

    public MicroshopJsonLogFormat(Environment environment) {
        super(JsonWriter.<ILoggingEvent>of(members -> {
                    String service = environment.getProperty("spring.application.name", "unknown");
                    members.add("timestamp", ILoggingEvent::getInstant).as(Object::toString);
                    members.add("level", ILoggingEvent::getLevel).as(Object::toString);
                    members.add("service", service);
                    members.add("instance", environment.getProperty("MICROSHOP_INSTANCE", service));
                    members.add("trace_id", event -> event.getMDCPropertyMap().get(TRACE_ID))
                            .whenHasLength();
                    members.add("span_id", event -> event.getMDCPropertyMap().get(SPAN_ID))
                            .whenHasLength();
                    members.add("logger", ILoggingEvent::getLoggerName);
                    members.add("thread", ILoggingEvent::getThreadName);
                    members.add("message", ILoggingEvent::getFormattedMessage);
                    members.addMapEntries(MicroshopJsonLogFormat::context);
                    members.add("error", ILoggingEvent::getThrowableProxy)
                            .when(ThrowableProxy.class::isInstance)
                            .as(proxy -> STACK_TRACES.printStackTraceToString(((ThrowableProxy) proxy).getThrowable()));
                })
                .withNewLineAtEnd());
    }

    private static Map<String, String> context(ILoggingEvent event) {
        Map<String, String> context = new HashMap<>(event.getMDCPropertyMap());
        context.remove(TRACE_ID);
        context.remove(SPAN_ID);
        return context;
    }
}
