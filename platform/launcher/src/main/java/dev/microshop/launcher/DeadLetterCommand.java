package dev.microshop.launcher;

import dev.microshop.launcher.DeadLetterTopics.DeadLetter;
import dev.microshop.launcher.DeadLetterTopics.Replay;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.KafkaException;

/**
 * {@code dlt}: the records the services' error handler dead-lettered to {@code <topic>.dlt}, and putting them
 * back on their topic once what made them fail is fixed. Needs Kafka only.
 */
final class DeadLetterCommand {

    static final String USAGE = """
            usage: ./microshop dlt [list [TOPIC]] | replay REF [--again] | replay --all [TOPIC]
              list [TOPIC]          the records of every dead-letter topic (*.dlt), or of TOPIC: REF, original
                                    topic, CloudEvent type, key, when dead-lettered, error, when replayed
              replay REF [--again]  put record REF (TOPIC/PARTITION/OFFSET, as list prints it) back on its
                                    original topic: same key, value and headers, minus Spring's kafka_dlt-*
                                    ones, plus microshop-replayed-from=REF; once, unless --again
              replay --all [TOPIC]  replay every record not replayed yet (of every *.dlt topic, or of TOPIC)
            Replays are recorded in the compacted topic microshop.dlt-replays. The consumers handle an
            event once (by its ce_id), so replaying an event that was in fact handled changes nothing.
            Kafka: MICROSHOP_KAFKA_BOOTSTRAP (default: the running system's nodes, else 127.0.0.1:9092).""";

    private static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    /** DLT-TOPIC/PARTITION/OFFSET; group 1 is the topic. */
    private static final Pattern REF = Pattern.compile("(.+" + Pattern.quote(DeadLetterTopics.SUFFIX) + ")/\\d+/\\d+");

    private static final int ERROR_WIDTH = 160;

    private final String bootstrapServers;
    private final PrintStream out;

    DeadLetterCommand(Map<String, String> environment, Optional<SystemState> running, PrintStream out) {
        this.bootstrapServers = environment.getOrDefault(
                "MICROSHOP_KAFKA_BOOTSTRAP",
                running.flatMap(state -> KafkaNodes.bootstrapServers(state.instances()))
                        .orElse(DEFAULT_BOOTSTRAP));
        this.out = out;
    }

    int run(List<String> arguments) throws InterruptedException {
        String action = arguments.isEmpty() ? "list" : arguments.getFirst();
        List<String> operands = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
        if (List.of("help", "--help", "-h").contains(action)) {
            out.println(USAGE);
            return 0;
        }
        boolean again = operands.contains("--again");
        List<String> rest =
                operands.stream().filter(operand -> !operand.equals("--again")).toList();
        boolean replayAll =
                action.equals("replay") && !rest.isEmpty() && rest.getFirst().equals("--all");
        // The TOPIC, or the REF of a replay without --all.
        List<String> named = replayAll ? rest.subList(1, rest.size()) : rest;
        boolean valid = switch (action) {
            case "list" -> !again && named.size() <= 1;
            case "replay" -> replayAll ? !again && named.size() <= 1 : named.size() == 1;
            default -> false;
        };
        if (!valid || named.stream().anyMatch(operand -> operand.startsWith("-"))) {
            throw new IllegalArgumentException(USAGE);
        }
        try (DeadLetterTopics kafka = DeadLetterTopics.connect(bootstrapServers)) {
            if (action.equals("list")) {
                return list(kafka, topics(kafka, named));
            }
            return replayAll ? replayAll(kafka, topics(kafka, named)) : replay(kafka, named.getFirst(), again);
        } catch (KafkaException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
    }

    /** Every dead-letter topic, or the one named ({@code order-events} means {@code order-events.dlt}). */
    private static List<String> topics(DeadLetterTopics kafka, List<String> named) {
        List<String> existing = kafka.deadLetterTopics();
        if (named.isEmpty()) {
            return existing;
        }
        String topic = named.getFirst().endsWith(DeadLetterTopics.SUFFIX)
                ? named.getFirst()
                : named.getFirst() + DeadLetterTopics.SUFFIX;
        if (!existing.contains(topic)) {
            throw new IllegalArgumentException("there is no dead-letter topic " + topic + " (there "
                    + (existing.isEmpty()
                            ? "is none: nothing was dead-lettered)"
                            : "are: " + String.join(", ", existing) + ")"));
        }
        return List.of(topic);
    }

    private int list(DeadLetterTopics kafka, List<String> topics) {
        if (topics.isEmpty()) {
            out.println("No dead-letter topics (*.dlt) on Kafka at " + kafka.bootstrapServers()
                    + ": nothing was dead-lettered.");
            return 0;
        }
        Map<String, Replay> replays = kafka.replays();
        String separator = "";
        for (String topic : topics) {
            List<DeadLetter> deadLetters = kafka.deadLetters(topic);
            long notReplayed = deadLetters.stream()
                    .filter(letter -> !replays.containsKey(letter.ref()))
                    .count();
            out.print(separator);
            separator = System.lineSeparator();
            out.println(topic + ": " + records(deadLetters.size()) + ", " + notReplayed + " not replayed");
            if (deadLetters.isEmpty()) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("REF", "ORIGINAL TOPIC", "TYPE", "KEY", "DEAD-LETTERED", "REPLAYED", "ERROR"));
            for (DeadLetter letter : deadLetters) {
                rows.add(List.of(
                        letter.ref(),
                        letter.originalTopic(),
                        letter.header("ce_type").orElse("-"),
                        letter.key().orElse("-"),
                        seconds(letter.deadLetteredAt()),
                        Optional.ofNullable(replays.get(letter.ref()))
                                .map(replay -> seconds(replay.replayedAt()))
                                .orElse("no"),
                        error(letter)));
            }
            TextTable.print(rows, out);
        }
        return 0;
    }

    private int replay(DeadLetterTopics kafka, String ref, boolean again) throws InterruptedException {
        Matcher parts = REF.matcher(ref);
        if (!parts.matches()) {
            throw new IllegalArgumentException("'" + ref + "' is no REF: that is DLT-TOPIC/PARTITION/OFFSET, as"
                    + " ./microshop dlt list prints it, e.g. order-events.dlt/0/12");
        }
        String topic = topics(kafka, List.of(parts.group(1))).getFirst();
        DeadLetter deadLetter = kafka.deadLetters(topic).stream()
                .filter(letter -> letter.ref().equals(ref))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "there is no record " + ref + " (./microshop dlt list " + topic + " shows them)"));
        Replay before = kafka.replays().get(ref);
        if (before != null && !again) {
            out.println(ref + " was replayed already, at " + seconds(before.replayedAt()) + " to " + before.to()
                    + "; --again replays it once more.");
            out.println("0 records replayed.");
            return 0;
        }
        replayAndPrint(kafka, deadLetter);
        out.println("1 record replayed.");
        return 0;
    }

    private int replayAll(DeadLetterTopics kafka, List<String> topics) throws InterruptedException {
        Map<String, Replay> replays = kafka.replays();
        int replayed = 0;
        int before = 0;
        for (String topic : topics) {
            for (DeadLetter deadLetter : kafka.deadLetters(topic)) {
                if (replays.containsKey(deadLetter.ref())) {
                    before++;
                } else {
                    replayAndPrint(kafka, deadLetter);
                    replayed++;
                }
            }
        }
        out.println(records(replayed) + " replayed" + (before == 0 ? "" : "; " + before + " replayed before") + ".");
        return 0;
    }

    private void replayAndPrint(DeadLetterTopics kafka, DeadLetter deadLetter) throws InterruptedException {
        Replay replay = kafka.replay(deadLetter);
        out.println("replayed " + deadLetter.ref() + " to " + replay.to() + " ("
                + deadLetter.header("ce_type").orElse("no CloudEvent") + ", key "
                + deadLetter.key().orElse("-")
                + ")");
    }

    /**
     * The listener's own error, in one line. The recoverer writes "WRAPPER; ROOT CAUSE" when the two differ,
     * and the wrapper is Spring's "Listener method '...' threw exception" with the handler's details.
     */
    private static String error(DeadLetter letter) {
        String message = letter.header(DeadLetterTopics.EXCEPTION_MESSAGE).orElse("-");
        Optional<String> cause = letter.header(DeadLetterTopics.EXCEPTION_CAUSE_FQCN);
        int wrapperEnd = message.indexOf("; ");
        if (cause.isPresent() && !cause.equals(letter.header(DeadLetterTopics.EXCEPTION_FQCN)) && wrapperEnd >= 0) {
            message =
                    cause.get().substring(cause.get().lastIndexOf('.') + 1) + ": " + message.substring(wrapperEnd + 2);
        }
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH - 1) + "…";
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String records(long count) {
        return count + (count == 1 ? " record" : " records");
    }
}
