package dev.microshop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * asyncapi.yaml describes the events the records define: one message per CloudEvents type, named by it, whose payload
 * requires exactly the record's components, in their order. A new event or field that the document does not have
 * fails here, and so does one the document keeps after the record lost it.
 */
class AsyncApiDocumentTest {

    /** A message of components.messages: its name line, then its required fields. */
    private static final Pattern MESSAGE = Pattern.compile(
            "(?m)^ {4}([a-z-]+\\.[a-z-]+):\\n {6}name: \\1\\n(?:(?! {4}\\S).*\\n)*? {8}required: \\[([^\\]]*)]");

    @Test
    void every_event_record_is_a_message_with_exactly_its_fields() throws IOException {
        Map<String, List<String>> records = eventRecords();
        Map<String, List<String>> documented = documentedMessages();

        assertThat(records).as("event records found").hasSizeGreaterThanOrEqualTo(13);
        assertThat(documented).isEqualTo(records);
    }

    @Test
    void every_message_is_on_the_channel_of_its_topic() throws IOException {
        String document = document();
        String channels = document.substring(document.indexOf("\nchannels:"), document.indexOf("\noperations:"));
        Matcher nextChannel = Pattern.compile("\\n  \\S").matcher(channels);
        for (String type : eventRecords().keySet()) {
            String topic = type.substring(0, type.indexOf('.')) + "-events";
            int start = channels.indexOf("\n  " + topic + ":\n");
            assertThat(start).as("channel " + topic).isNotNegative();
            String channel =
                    channels.substring(start, nextChannel.find(start + 1) ? nextChannel.start() : channels.length());
            assertThat(channel).as(type + " on " + topic).contains("$ref: '#/components/messages/" + type + "'");
        }
    }

    /** CloudEvents type -> component names, from the compiled records (ContractListing). */
    private static Map<String, List<String>> eventRecords() {
        Map<String, String> typeOfRecord = new LinkedHashMap<>();
        Map<String, List<String>> componentsOfRecord = new LinkedHashMap<>();
        ContractListing.current().forEach((entry, value) -> {
            String[] parts = entry.split(" ");
            if (!parts[0].equals("record")) {
                return;
            }
            if (parts[2].equals("type")) {
                typeOfRecord.put(parts[1], value);
            } else {
                componentsOfRecord
                        .computeIfAbsent(parts[1], any -> new ArrayList<>())
                        .add(parts[3]);
            }
        });
        Map<String, List<String>> byType = new LinkedHashMap<>();
        typeOfRecord.forEach((record, type) -> byType.put(type, componentsOfRecord.getOrDefault(record, List.of())));
        return byType;
    }

    private static Map<String, List<String>> documentedMessages() throws IOException {
        Map<String, List<String>> messages = new LinkedHashMap<>();
        Matcher message = MESSAGE.matcher(document());
        while (message.find()) {
            messages.put(message.group(1), List.of(message.group(2).split(",\\s*")));
        }
        return messages;
    }

    private static String document() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
