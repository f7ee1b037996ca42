package dev.microshop.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's calls to a running system, on the management ports with HTTP Basic as the operator:
 * {@code refresh-config} (config-server's busrefresh) and {@code admin list | grant EMAIL | revoke EMAIL}
 * (user-service's administrators endpoint).
 */
final class OperatorCommands {

    static final String ADMIN_USAGE = "usage: ./microshop admin list | grant EMAIL | revoke EMAIL";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Home home;
    private final Map<String, String> environment;
    private final PrintStream out;

    OperatorCommands(Home home, Map<String, String> environment, PrintStream out) {
        this.home = home;
        this.environment = environment;
        this.out = out;
    }

    /** Asks config-server to tell every instance, over the bus, to reload its configuration. */
    int refreshConfig(Options options) throws InterruptedException {
        URI busRefresh = instance("config-server", options).management("/actuator/busrefresh");
        return report(
                call("config-server", HttpRequest.newBuilder(busRefresh).POST(HttpRequest.BodyPublishers.noBody())),
                "Configuration refresh sent to every instance (POST " + busRefresh + ").");
    }

    /** {@code list}, {@code grant EMAIL} or {@code revoke EMAIL}, optionally followed by the options of up. */
    int admin(List<String> arguments) throws InterruptedException {
        String action = arguments.isEmpty() ? "" : arguments.getFirst();
        int optionsFrom = action.equals("list") ? 1 : 2;
        if (!List.of("list", "grant", "revoke").contains(action)
                || arguments.size() < optionsFrom
                || arguments.get(optionsFrom - 1).startsWith("--")) {
            throw new IllegalArgumentException(ADMIN_USAGE);
        }
        URI administrators = instance("user-service", Options.parse(arguments.subList(optionsFrom, arguments.size())))
                .management("/actuator/administrators");
        return switch (action) {
            case "list" ->
                call("user-service", HttpRequest.newBuilder(administrators).GET())
                        .map(this::printAdministrators)
                        .orElse(1);
            case "grant" -> {
                String email = arguments.get(1);
                String body = JSON.createObjectNode().put("email", email).toString();
                yield report(
                        call(
                                "user-service",
                                HttpRequest.newBuilder(administrators)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                        email + " is now an administrator.");
            }
            default -> {
                String email = arguments.get(1);
                // A path segment: URLEncoder writes a space as '+', which a path would keep as a plus sign.
                URI revoke = URI.create(administrators + "/"
                        + URLEncoder.encode(email, StandardCharsets.UTF_8).replace("+", "%20"));
                yield report(
                        call("user-service", HttpRequest.newBuilder(revoke).DELETE()),
                        email + " is no longer an administrator.");
            }
        };
    }

    private Instance instance(String process, Options options) {
        return ProcessTable.load(options.processes()).firstInstance(process, home, environment);
    }

    private int report(Optional<String> answer, String success) {
        answer.ifPresent(ok -> out.println(success));
        return answer.isPresent() ? 0 : 1;
    }

    /**
     * Sends the request as the operator and returns the body of a 2xx answer; anything else is explained
     * and gives empty. The password goes into the request header only, never into what is printed.
     */
    private Optional<String> call(String process, HttpRequest.Builder request) throws InterruptedException {
        if (new SupervisorPidFile(home).runningSupervisor().isEmpty()) {
            out.println("microshop is not running; start it with ./microshop up.");
            return Optional.empty();
        }
        String credentials = Secrets.OPERATOR + ":" + new Secrets(home).operatorPassword();
        HttpRequest sent = request.timeout(TIMEOUT)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .build();
        String what = sent.method() + " " + sent.uri();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            response = client.send(sent, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            out.println(process + " does not answer at " + sent.uri() + "; is it ready? (./microshop status)");
            return Optional.empty();
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return Optional.of(response.body());
        }
        switch (status) {
            case 401 ->
                out.println(process + " refused the operator's password (HTTP 401 to " + what + "): it was"
                        + " started without the one in "
                        + home.root().relativize(new Secrets(home).operatorPasswordFile())
                        + ", or that file changed since;"
                        + " restart microshop: ./microshop down && ./microshop up");
            case 403 ->
                out.println(process + " accepted the operator's password but forbids it " + what
                        + " (HTTP 403): its management security does not grant the operator that endpoint.");
            default ->
                out.println(
                        process + " answered HTTP " + status + " to " + what + ": " + message(response.body(), status));
        }
        return Optional.empty();
    }

    /** The service's own words: a problem's detail (else its title), else the body as it came. */
    private static String message(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            for (String field : List.of("detail", "title", "message", "error")) {
                if (problem.path(field).isString()
                        && !problem.path(field).stringValue().isBlank()) {
                    return problem.path(field).stringValue();
                }
            }
        } catch (JacksonException e) {
            // Not JSON: the body itself says it.
        }
        return body.isBlank() ? "HTTP " + status : body.strip();
    }

    /** The administrators as a table, one per line: a JSON array (or an object holding one) of objects or strings. */
    private int printAdministrators(String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JacksonException e) {
            out.println("user-service answered something else than a list of administrators: " + body.strip());
            return 1;
        }
        JsonNode list = answer.isArray()
                ? answer
                : answer.properties().stream()
                        .map(Map.Entry::getValue)
                        .filter(JsonNode::isArray)
                        .findFirst()
                        .orElse(JSON.createArrayNode());
        if (list.isEmpty()) {
            out.println("No administrators.");
            return 0;
        }
        Set<String> columns = new LinkedHashSet<>();
        list.values()
                .forEach(administrator ->
                        columns.addAll(administrator.isObject() ? administrator.propertyNames() : List.of("email")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns.stream()
                .map(column -> column.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT))
                .toList());
        for (JsonNode administrator : list.values()) {
            rows.add(columns.stream()
                    .map(column -> cell(administrator.isObject() ? administrator.path(column) : administrator))
                    .toList());
        }
        TextTable.print(rows, out);
        return 0;
    }

    private static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        return value.isArray()
                ? value.values().stream().map(JsonNode::asString).collect(Collectors.joining(","))
                : value.isValueNode() ? value.asString() : value.toString();
    }
}
