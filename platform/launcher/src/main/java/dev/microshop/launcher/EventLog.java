package dev.microshop.launcher;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/** One line per supervision event (started, ready, exited, restarting, stopped), with a timestamp. */
final class EventLog {

    private final PrintStream out;

    EventLog(PrintStream out) {
        this.out = out;
    }

    synchronized void event(String source, String message) {
        out.println(OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS) + " " + source + ": " + message);
        out.flush();
    }
}
