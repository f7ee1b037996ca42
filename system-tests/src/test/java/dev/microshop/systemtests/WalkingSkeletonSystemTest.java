package dev.microshop.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.microshop.systemtests.Microshop.GATEWAY;
import static dev.microshop.systemtests.Microshop.await;
import static dev.microshop.systemtests.Microshop.get;
import static dev.microshop.systemtests.Microshop.json;
import static dev.microshop.systemtests.Microshop.post;
import static dev.microshop.systemtests.StorefrontBrowser.assertAccessible;
import static dev.microshop.systemtests.StorefrontBrowser.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton end to end: {@code ./microshop up} with two user-service replicas, then
 * discovery, configuration, sign-up and log-in through the gateway, token checks, one trace per
 * request, hot configuration, self-healing and a clean {@code down}. The tests share one running
 * system and run in order; the last one stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonSystemTest {

    private static final String USER_SERVICE = "http://127.0.0.1:8101";

    @BeforeAll
    static void startSystem() throws Exception {
        Microshop.run("down");
        Microshop.copyConfig();
        Microshop.CommandResult up = Microshop.upWithProfile(Microshop.LOAD_PROFILE, "--replicas", "user-service=2");
        System.out.printf(
                "[figure] ./microshop up took %.1f s (jars built, C1-only start-up)%n",
                up.took().toMillis() / 1000.0);
        System.out.println(up.output());
        assertThat(up.exitCode()).as(up.output()).isZero();
        firstAnswers = firstRequestToEveryRoute();
    }

    /** The status each route's first request got, sent the moment up returned: no waiting, no retry. */
    private static Map<String, Integer> firstAnswers;

    private static Map<String, Integer> firstRequestToEveryRoute() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        String email = "first-" + UUID.randomUUID() + "@example.com";
        answers.put(
                "POST /api/users",
                post(
                                GATEWAY + "/api/users",
                                Map.of("email", email, "name", "First", "password", Shopper.PASSWORD),
                                Map.of())
                        .statusCode());
        HttpResponse<String> token =
                post(GATEWAY + "/api/auth/token", Map.of("email", email, "password", Shopper.PASSWORD), Map.of());
        answers.put("POST /api/auth/token", token.statusCode());
        Map<String, String> bearer = token.statusCode() == 200
                ? Map.of(
                        "Authorization",
                        "Bearer " + json(token).get("accessToken").asString())
                : Map.of();
        answers.put(
                "GET /api/products",
                get(GATEWAY + "/api/products?size=1", Map.of()).statusCode());
        answers.put("GET /api/orders", get(GATEWAY + "/api/orders", bearer).statusCode());
        answers.put(
                "GET /api/notifications",
                get(GATEWAY + "/api/notifications", bearer).statusCode());
        answers.put(
                "GET /api/payments/{unknown order}",
                get(GATEWAY + "/api/payments/" + UUID.randomUUID(), bearer).statusCode());
        return answers;
    }

    @Test
    @Order(0)
    void right_after_up_the_first_request_of_every_route_reaches_its_service() {
        // user-service (sign-up, log-in), inventory-, order-, notification- and payment-service: each answers itself
        // (the unknown order's 404 comes from payment-service); never the gateway's 503 for a service not found yet.
        assertThat(firstAnswers)
                .containsExactly(
                        Map.entry("POST /api/users", 201),
                        Map.entry("POST /api/auth/token", 200),
                        Map.entry("GET /api/products", 200),
                        Map.entry("GET /api/orders", 200),
                        Map.entry("GET /api/notifications", 200),
                        Map.entry("GET /api/payments/{unknown order}", 404));
    }

    @AfterAll
    static void stopSystem() {
        Microshop.run("down");
    }

    @Test
    @Order(10)
    void a_second_up_says_it_is_already_running() {
        Microshop.CommandResult again = Microshop.run("up");
        assertThat(again.exitCode()).isZero();
        assertThat(again.output()).contains("already running");
    }

    @Test
    @Order(20)
    void eureka_lists_the_gateway_and_both_user_service_replicas() {
        await(Duration.ofSeconds(30), () -> {
            JsonNode apps = json(get("http://127.0.0.1:8761/eureka/apps", Map.of("Accept", "application/json")));
            Map<String, List<String>> instances = new LinkedHashMap<>();
            for (JsonNode app : apps.get("applications").get("application")) {
                List<String> up = new ArrayList<>();
                for (JsonNode instance : app.get("instance")) {
                    if (instance.get("status").asString().equals("UP")) {
                        up.add(instance.get("ipAddr").asString() + ":"
                                + instance.get("port").get("$").asInt());
                    }
                }
                instances.put(app.get("name").asString(), up);
            }
            assertThat(instances.get("GATEWAY")).containsExactly("127.0.0.1:8080");
            assertThat(instances.get("USER-SERVICE")).containsExactlyInAnyOrder("127.0.0.1:8101", "127.0.0.1:8111");
        });
    }

    @Test
    @Order(25)
    void prometheus_scrapes_every_instance_it_finds_in_discovery_replicas_included_and_the_platform() {
        List<String> expected = List.of(
                "config-server:8888",
                "admin-server:8770",
                "gateway:8080",
                "user-service:8101",
                "user-service:8111",
                "inventory-service:8102",
                "order-service:8103",
                "payment-service:8104",
                "notification-service:8105",
                "discovery-server",
                "payment-provider",
                "zipkin",
                "kafka",
                "postgres",
                "prometheus",
                "alertmanager");
        Microshop.await(Duration.ofSeconds(60), () -> {
            Map<String, String> health = new LinkedHashMap<>();
            for (JsonNode target :
                    Monitoring.prometheus("/api/v1/targets?state=active").get("activeTargets")) {
                health.put(
                        target.get("labels").get("instance").asString(),
                        target.get("health").asString() + " "
                                + target.get("lastError").asString());
            }
            assertThat(health.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(health)
                    .allSatisfy(
                            (instance, state) -> assertThat(state).as(instance).isEqualTo("up "));
        });
    }

    @Test
    @Order(26)
    void the_console_lists_every_registered_instance_up_and_reads_their_actuators_as_the_operator_secrets_masked()
            throws Exception {
        String console = "http://127.0.0.1:8770";
        assertThat(get(console + "/applications", Map.of()).statusCode()).isEqualTo(401);
        Map<String, String> asOperator = new LinkedHashMap<>(Microshop.operator());
        asOperator.put("Accept", "application/json");
        Map<String, String> userServices = new LinkedHashMap<>();
        Microshop.await(Duration.ofSeconds(60), () -> {
            List<String> instances = new ArrayList<>();
            userServices.clear();
            for (JsonNode instance : json(get(console + "/instances", asOperator))) {
                String name =
                        instance.get("registration").get("name").asString().toLowerCase();
                instances.add(
                        name + " " + instance.get("statusInfo").get("status").asString());
                if (name.equals("user-service")) {
                    userServices.put(
                            instance.get("id").asString(),
                            instance.get("registration").get("managementUrl").asString());
                }
            }
            assertThat(instances)
                    .containsExactlyInAnyOrder(
                            "admin-server UP",
                            "config-server UP",
                            "gateway UP",
                            "user-service UP",
                            "user-service UP",
                            "inventory-service UP",
                            "order-service UP",
                            "payment-service UP",
                            "notification-service UP");
        });
        assertThat(userServices.values())
                .containsExactlyInAnyOrder("http://127.0.0.1:18101/actuator", "http://127.0.0.1:18111/actuator");

        String instance =
                console + "/instances/" + userServices.keySet().iterator().next() + "/actuator";
        Map<String, String> actuator = new LinkedHashMap<>(Microshop.operator());
        actuator.put("Accept", "application/vnd.spring-boot.actuator.v3+json");
        assertThat(json(get(instance + "/threaddump", actuator)).get("threads")).isNotEmpty();
        assertThat(get(instance + "/loggers/dev.microshop", actuator).statusCode())
                .isEqualTo(200);
        HttpResponse<String> password = get(instance + "/env/microshop.management.operator.password", actuator);
        assertThat(password.statusCode()).isEqualTo(200);
        String secret = Files.readString(Microshop.HOME.resolve(".microshop/secrets/operator.password"))
                .strip();
        assertThat(json(password).get("property").get("value").asString()).isEqualTo("******");
        assertThat(password.body()).doesNotContain(secret);
    }

    @Test
    @Order(30)
    void the_config_server_serves_user_service_settings() {
        HttpResponse<String> config = get("http://127.0.0.1:8888/user-service/dev", Map.of());
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode sources = json(config).get("propertySources");
        assertThat(sources.toString()).contains("user-service.yml", "password-policy.min-length");
    }

    @Test
    @Order(40)
    void a_shopper_signs_up_logs_in_and_reads_their_profile_through_the_gateway() {
        Shopper shopper = Shopper.signUp();
        HttpResponse<String> me = get(GATEWAY + "/api/users/me", shopper.bearer());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo(shopper.email());
        assertThat(json(me).get("id").asString()).isEqualTo(shopper.id());
    }

    @Test
    @Order(50)
    void bad_tokens_get_401_problem_details_at_the_gateway_and_at_user_service() throws Exception {
        Shopper shopper = Shopper.signUp();
        Tokens.SigningKey realKey = Tokens.activeKey();
        Instant now = Instant.now();
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put(
                "expired",
                Tokens.signed(
                        realKey,
                        Tokens.claims(
                                shopper.id(), now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofMinutes(10)))));
        badTokens.put(
                "signed by another key",
                Tokens.signed(
                        Tokens.strangerKey(realKey.kid()),
                        Tokens.claims(shopper.id(), now, now.plus(Duration.ofMinutes(10)))));
        badTokens.put("alg none", Tokens.unsigned(Tokens.claims(shopper.id(), now, now.plus(Duration.ofMinutes(10)))));
        badTokens.put("malformed", "not-a.jwt");
        // Control: the same claims signed with the real key pass, so the rejections above are about the defect.
        String genuine = Tokens.signed(realKey, Tokens.claims(shopper.id(), now, now.plus(Duration.ofMinutes(10))));
        assertThat(get(GATEWAY + "/api/users/me", Map.of("Authorization", "Bearer " + genuine))
                        .statusCode())
                .isEqualTo(200);

        for (String base : List.of(GATEWAY, USER_SERVICE)) {
            assertUnauthorizedProblem(get(base + "/api/users/me", Map.of()), base + " without a token");
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                HttpResponse<String> response =
                        get(base + "/api/users/me", Map.of("Authorization", "Bearer " + bad.getValue()));
                assertUnauthorizedProblem(response, base + " with a token " + bad.getKey());
            }
        }
    }

    @Test
    @Order(60)
    void one_sign_up_is_one_trace_across_gateway_user_service_and_kafka_and_both_logs_carry_it() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        String email = "traced-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> signUp = post(
                GATEWAY + "/api/users",
                Map.of("email", email, "name", "Traced Shopper", "password", Shopper.PASSWORD),
                Map.of("traceparent", traceparent));
        assertThat(signUp.statusCode()).isEqualTo(201);

        await(Duration.ofSeconds(30), () -> {
            HttpResponse<String> trace = get("http://127.0.0.1:9411/api/v2/trace/" + traceId, Map.of());
            assertThat(trace.statusCode()).isEqualTo(200);
            Set<String> services = new HashSet<>();
            boolean kafkaPublish = false;
            for (JsonNode span : json(trace)) {
                String service = span.get("localEndpoint").get("serviceName").asString();
                services.add(service);
                kafkaPublish |= service.equals("user-service")
                        && span.has("kind")
                        && span.get("kind").asString().equals("PRODUCER");
            }
            assertThat(services).contains("gateway", "user-service");
            assertThat(kafkaPublish)
                    .as("a PRODUCER span of user-service in " + trace.body())
                    .isTrue();
        });
        await(Duration.ofSeconds(10), () -> {
            assertThat(logLinesWithTrace("gateway", traceId)).isNotEmpty();
            List<String> userServiceLines = new ArrayList<>(logLinesWithTrace("user-service", traceId));
            userServiceLines.addAll(logLinesWithTrace("user-service-2", traceId));
            assertThat(userServiceLines).isNotEmpty();
        });
    }

    /** Started by the first storefront test, closed after the last test. */
    private static StorefrontBrowser browser;

    private static StorefrontBrowser browser() {
        if (browser == null) {
            browser = new StorefrontBrowser();
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(61)
    void in_the_storefront_a_shopper_signs_up_searches_orders_two_products_and_watches_the_order_confirm_live() {
        Page page = browser().newShopper("de-DE");
        page.navigate("/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Catalog")))
                .isVisible();
        screenshot(page, "journey-01-catalog");
        assertAccessible(page);

        signUp(page, "Ada");
        addFound(page, "mug", "Ceramic mug, 350 ml");
        screenshot(page, "journey-02-search");
        addFound(page, "green tea", "Green tea, 100 g");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cart"))
                .click();
        assertThat(page.locator("table.cart tbody tr")).hasCount(2);
        // Prices as a German shopper writes them: 12,50 €.
        assertThat(page.locator(".total")).containsText(Pattern.compile("\\d+,\\d{2}\\s€"));
        screenshot(page, "journey-03-cart");
        assertAccessible(page);

        // The slow test card takes 3 s: long enough to see the order wait for its payment, then confirm.
        page.getByLabel("Payment method").selectOption("pm-slow");
        placeOrderButton(page).click();
        page.waitForURL(Pattern.compile(".*#/orders/[0-9a-f-]+$"));
        page.evaluate("() => { window.sameDocument = true; }");
        Locator status = page.getByTestId("order-status");
        assertThat(status).containsText(Pattern.compile("Pending|Reserved"));
        screenshot(page, "journey-04-order-in-progress");
        assertThat(status).containsText("Confirmed", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(page.evaluate("() => window.sameDocument === true"))
                .as("the status changed without a reload")
                .isEqualTo(true);
        screenshot(page, "journey-05-order-confirmed");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications"))
                .click();
        assertThat(page.getByText("Order confirmed", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        screenshot(page, "journey-06-notifications");
        assertAccessible(page);
        browser().assertNoErrors(page);
    }

    @Test
    @Order(62)
    void in_the_storefront_a_declined_card_cancels_the_order_and_the_shopper_sees_why() {
        Page page = atCheckoutWith("en-GB", "Grace", "espresso beans", "Espresso beans, 1 kg");
        page.getByLabel("Payment method").selectOption("pm-declined");
        placeOrderButton(page).click();

        Locator status = page.getByTestId("order-status");
        assertThat(status).containsText("Cancelled", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(status).containsText("declined");
        screenshot(page, "declined-01-order-cancelled");
        browser().assertNoErrors(page);
    }

    @Test
    @Order(63)
    void in_the_storefront_a_double_click_on_place_order_places_one_order() {
        Page page = atCheckoutWith("en-US", "Barbara", "filter coffee", "Filter coffee, 500 g");
        placeOrderButton(page).dblclick();
        page.waitForURL(Pattern.compile(".*#/orders/[0-9a-f-]+$"));

        page.navigate("/#/orders");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your orders")))
                .isVisible();
        assertThat(page.locator("tbody tr")).hasCount(1);
        screenshot(page, "double-click-01-one-order");
        browser().assertNoErrors(page);
    }

    @Test
    @Order(64)
    void in_the_storefront_an_administrator_ships_an_order_and_the_shopper_sees_it_shipped_live() {
        Page shopper = atCheckoutWith("fr-FR", "Hedy", "tumbler", "Insulated tumbler, 500 ml");
        placeOrderButton(shopper).click();
        Locator status = shopper.getByTestId("order-status");
        assertThat(status).containsText("Confirmed", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        String order = shopper.url().replaceAll(".*#/orders/", "");

        Shopper administrator = Shopper.admin();
        Page admin = browser().newShopper("en-GB");
        admin.navigate("/#/login");
        admin.getByLabel("E-mail").fill(administrator.email());
        admin.getByLabel("Password").fill(Shopper.PASSWORD);
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin"))
                .click();
        Locator ship = admin.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ship order " + order.substring(0, 8)));
        assertThat(ship).isVisible();
        screenshot(admin, "admin-01-orders-to-ship");
        assertAccessible(admin);
        ship.click();
        assertThat(ship).hasCount(0);

        assertThat(status).containsText("Shipped", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        screenshot(shopper, "admin-02-shopper-sees-shipped");
        browser().assertNoErrors(shopper, admin);
    }

    @Test
    @Order(65)
    void in_the_storefront_a_shopper_is_refused_the_admin_area_and_so_is_their_token() {
        Page page = browser().newShopper("en-US");
        page.navigate("/");
        signUp(page, "Mallory");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin")))
                .hasCount(0);

        page.navigate("/#/admin");

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("for administrators only");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Orders")))
                .hasCount(0);
        screenshot(page, "refused-01-admin-area");
        assertAccessible(page);
        assertThat(get(GATEWAY + "/api/admin/orders", Shopper.signUp().bearer()).statusCode())
                .isEqualTo(403);
        browser().assertNoErrors(page);
    }

    @Test
    @Order(66)
    void swagger_ui_at_the_gateway_loads_every_services_api_document_and_tries_a_call() {
        Page page = browser().newShopper("en-GB");
        page.navigate("/swagger-ui.html");
        Locator definitions = page.getByLabel("Select a definition");
        for (String service : List.of(
                "user-service", "inventory-service", "order-service", "notification-service", "payment-service")) {
            definitions.selectOption(service);
            assertThat(page.locator(".info .title")).containsText(service);
            assertThat(page.locator(".opblock").first()).isVisible();
            screenshot(page, "api-docs-" + service);
        }

        definitions.selectOption("inventory-service");
        Locator listProducts = page.locator(".opblock-get:has(.opblock-summary-path[data-path='/api/products'])");
        listProducts.locator(".opblock-summary").click();
        listProducts
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it out"))
                .click();
        listProducts
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Execute"))
                .click();
        assertThat(listProducts
                        .locator(".live-responses-table tbody .response-col_status")
                        .first())
                .containsText("200");
        screenshot(page, "api-docs-try-it-out");

        browser().assertNoErrors(page);
    }

    @Test
    @Order(67)
    void in_the_storefront_two_tabs_reloaded_at_once_both_stay_logged_in() {
        Page first = browser().newShopper("en-GB");
        first.navigate("/");
        signUp(first, "Tabs");
        Page second = browser().newTab(first);
        second.navigate("/");
        assertThat(logOutButton(second)).isVisible();

        // Each reload trades the single-use refresh cookie for a new one; at once, they must take turns.
        first.evaluate("() => location.reload()");
        second.evaluate("() => location.reload()");

        assertThat(logOutButton(first)).isVisible();
        assertThat(logOutButton(second)).isVisible();
        Page third = browser().newTab(first);
        third.navigate("/");
        // A third tab still gets in: the log-in was not revoked by a token used twice.
        assertThat(logOutButton(third)).isVisible();
        browser().assertNoErrors(first, second, third);
    }

    private static Locator logOutButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"));
    }

    /** A new shopper who signed up, found one product, put it in the cart and opened the cart. */
    private static Page atCheckoutWith(String locale, String name, String search, String product) {
        Page page = browser().newShopper(locale);
        page.navigate("/");
        signUp(page, name);
        addFound(page, search, product);
        page.navigate("/#/cart");
        return page;
    }

    private static Locator placeOrderButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place order"));
    }

    @Test
    @Order(68)
    void every_dashboard_panel_and_alert_rule_runs_on_prometheus_and_reads_only_metrics_it_knows() throws Exception {
        List<String> services = new ArrayList<>();
        Monitoring.query("group by (application) (up{job=\"services\"})")
                .get("result")
                .forEach(series ->
                        services.add(series.get("metric").get("application").asString()));
        assertThat(services).contains("gateway", "order-service", "user-service");
        Map<String, List<String>> queries = new LinkedHashMap<>();
        try (Stream<Path> dashboards = Files.list(Microshop.HOME.resolve("deploy/grafana"))) {
            for (Path dashboard : dashboards.sorted().toList()) {
                queries.put(
                        dashboard.getFileName().toString(),
                        Monitoring.panelQueries(Microshop.JSON.readTree(Files.readString(dashboard))));
            }
        }
        assertThat(queries).containsOnlyKeys("order-saga.json", "overview.json", "service.json");
        List<String> rules = new ArrayList<>();
        for (JsonNode group : Monitoring.prometheus("/api/v1/rules").get("groups")) {
            group.get("rules").forEach(rule -> rules.add(rule.get("query").asString()));
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(11);
        queries.put("alert rules", rules);

        Set<String> unknown = new TreeSet<>();
        int ran = 0;
        for (Map.Entry<String, List<String>> source : queries.entrySet()) {
            for (String query : source.getValue()) {
                for (String service : services) {
                    Monitoring.query(query.replace("$application", service));
                    ran++;
                }
                Monitoring.metricNames(query).stream()
                        // up is Prometheus' own series for every target, which its metadata does not list.
                        .filter(metric -> !metric.equals("up") && !Monitoring.isKnown(metric))
                        .forEach(metric -> unknown.add(metric + " (" + source.getKey() + ")"));
            }
        }
        System.out.printf("[figure] %d dashboard and rule queries ran on Prometheus%n", ran);
        assertThat(unknown).as("metrics Prometheus does not know").isEmpty();
        // Without Grafana: the same dashboards as Prometheus console pages (ConsolePages), which Prometheus renders.
        for (String page : List.of("overview", "order-saga", "service")) {
            HttpResponse<String> console =
                    get(Monitoring.PROMETHEUS + "/consoles/" + page + ".html?application=order-service", Map.of());
            assertThat(console.statusCode()).as(page + ": " + console.body()).isEqualTo(200);
            assertThat(console.body()).as(page).contains("<h2>", "graph").doesNotContain("error executing");
        }
        // The overview's first panel: an instance of every process that Prometheus scrapes.
        assertThat(Monitoring.query("sum by (application) (up)").get("result")).hasSizeGreaterThanOrEqualTo(14);
    }

    private static void signUp(Page page, String name) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign up"))
                .click();
        page.getByLabel("Name").fill(name);
        page.getByLabel("E-mail").fill(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com");
        page.getByLabel("Password").fill(Shopper.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up"))
                .click();
        assertThat(logOutButton(page)).isVisible();
    }

    private static void addFound(Page page, String search, String product) {
        page.getByLabel("Search products").fill(search);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Search").setExact(true))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add " + product + " to the cart"))
                .click();
    }

    @Test
    @Order(70)
    void a_password_policy_change_in_config_takes_effect_without_a_restart() throws Exception {
        long pidBefore = Microshop.instance("user-service").get("pid").asLong();
        String password = "twelvechars1";
        assertThat(Shopper.trySignUp(password).statusCode()).isEqualTo(201);

        Path config = Microshop.CONFIG_COPY.resolve("user-service.yml");
        String original = Files.readString(config);
        assertThat(original).contains("min-length: 10");
        Files.writeString(config, original.replace("min-length: 10", "min-length: 16"));
        try {
            await(Duration.ofSeconds(45), () -> {
                for (int attempt = 0; attempt < 4; attempt++) {
                    // Several attempts: each replica must have the new policy.
                    HttpResponse<String> rejected = Shopper.trySignUp(password);
                    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
                    assertThat(rejected.body()).contains("16");
                }
            });
        } finally {
            Files.writeString(config, original);
        }
        assertThat(Microshop.instance("user-service").get("pid").asLong()).isEqualTo(pidBefore);
        await(
                Duration.ofSeconds(45),
                () -> assertThat(Shopper.trySignUp(password).statusCode()).isEqualTo(201));
    }

    @Test
    @Order(80)
    void killing_one_replica_loses_no_idempotent_get_through_the_gateway() throws Exception {
        Shopper shopper = Shopper.signUp();
        long victim = Microshop.instance("user-service-2").get("pid").asLong();
        int requests = 0;
        int errors = 0;
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        boolean killed = false;
        while (Instant.now().isBefore(end)) {
            if (!killed && requests == 20) {
                ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
                killed = true;
            }
            HttpResponse<String> me = get(GATEWAY + "/api/users/me", shopper.bearer());
            requests++;
            if (me.statusCode() != 200) {
                errors++;
            }
            Microshop.sleep(Duration.ofMillis(50));
        }
        System.out.printf("[figure] replica killed during %d GETs through the gateway: %d errors%n", requests, errors);
        assertThat(killed).isTrue();
        assertThat(errors).isZero();
    }

    @Test
    @Order(90)
    void a_killed_user_service_is_restarted_and_log_in_works_again_within_90_seconds() throws Exception {
        // The replica killed by the test before may still be in the gateway's view (or have opened its breaker) for a
        // few seconds: a sign-up answered 503 is tried again, with a new address, as a client would.
        AtomicReference<Shopper> signedUp = new AtomicReference<>();
        await(Duration.ofSeconds(30), () -> signedUp.set(Shopper.signUp()));
        Shopper shopper = signedUp.get();
        await(
                Duration.ofSeconds(60),
                () -> assertThat(Microshop.instance("user-service-2")
                                .get("state")
                                .asString())
                        .isEqualTo("READY"));
        List<Long> victims = List.of(
                Microshop.instance("user-service").get("pid").asLong(),
                Microshop.instance("user-service-2").get("pid").asLong());
        Instant killedAt = Instant.now();
        victims.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

        // Both replicas restart at once on two cores: each was ready only 40-55 s after its start there (C1-only
        // start-up), and the gateway sees it a few seconds later. This checks that the system heals by itself;
        // faster start-up is work of its own.
        await(
                Duration.ofSeconds(90),
                () -> assertThat(shopper.logIn().statusCode()).isEqualTo(200));
        System.out.printf(
                "[figure] log-in through the gateway worked again %.1f s after kill -9 of every user-service%n",
                Duration.between(killedAt, Instant.now()).toMillis() / 1000.0);
        assertThat(Microshop.instance("user-service").get("pid").asLong()).isNotIn(victims);
        assertThat(Microshop.instance("user-service").get("restarts").asInt()).isPositive();
    }

    /**
     * The shipped InstanceDown rule end to end, with its for: shortened from 1 m to 5 s in a rule file of this machine
     * (.microshop/prometheus/rules/), so the test need not wait a minute: stop sees the service leave discovery and
     * Prometheus, the rule fire, and Alertmanager call its webhook; the supervisor leaves the stopped service alone.
     */
    @Test
    @Order(95)
    void a_stopped_service_raises_instance_down_at_the_alert_webhook_and_start_brings_it_back() throws Exception {
        String shipped = Files.readString(Microshop.HOME.resolve("deploy/prometheus/rules/microshop.yml"));
        int from = shipped.indexOf("      - alert: InstanceDown");
        String instanceDown = shipped.substring(from, shipped.indexOf("      - alert:", from + 10));
        assertThat(instanceDown).contains("for: 1m");
        // A label of this run's own: Alertmanager keeps what it notified (.microshop/data/), and would not send an
        // alert again that an earlier run already saw firing.
        String run = UUID.randomUUID().toString();
        String quick = "groups:\n  - name: system-test-quick-instance-down\n    rules:\n"
                + instanceDown
                        .replace("for: 1m", "for: 5s")
                        .replace(
                                "          severity: warning\n",
                                "          severity: warning\n          test_run: " + run + "\n");
        assertThat(quick).contains("test_run: " + run);
        Monitoring.writeLocalRule("system-test-instance-down.yml", quick);
        try (Monitoring.Webhook webhook = new Monitoring.Webhook()) {
            Monitoring.reloadPrometheus();
            Microshop.await(
                    Duration.ofSeconds(20),
                    () -> assertThat(Monitoring.prometheus("/api/v1/rules").toString())
                            .contains("system-test-quick-instance-down"));

            Instant stopped = Instant.now();
            Microshop.CommandResult stop = Microshop.run("stop", "notification-service");
            assertThat(stop.exitCode()).as(stop.output()).isZero();
            JsonNode alert = webhook.await(
                    "InstanceDown", "firing", Map.of("instance", "notification-service:8105", "test_run", run), 150);
            System.out.printf(
                    "[figure] InstanceDown for a stopped notification-service reached the webhook %.1f s after stop%n",
                    Duration.between(stopped, Instant.now()).toMillis() / 1000.0);
            assertThat(alert.get("annotations").get("runbook_url").asString())
                    .isEqualTo("docs/operations.md#instance-down");
            assertThat(alert.get("labels").get("application").asString()).isEqualTo("notification-service");
            assertThat(Microshop.instance("notification-service").get("state").asString())
                    .isEqualTo("HELD");
        } finally {
            Monitoring.deleteLocalRule("system-test-instance-down.yml");
            Monitoring.reloadPrometheus();
            Microshop.CommandResult start = Microshop.run("start", "notification-service");
            assertThat(start.exitCode()).as(start.output()).isZero();
        }
        assertThat(Microshop.instance("notification-service").get("state").asString())
                .isEqualTo("READY");
    }

    /**
     * The image that ./microshop images builds runs in place of the supervised instance: under podman, on the host's
     * network, read-only, as a non-root user; it takes its settings from the config server, registers in Eureka,
     * consumes Kafka (a sign-up's welcome), stores in PostgreSQL and answers through the gateway.
     */
    @Test
    @Order(96)
    void the_notification_service_image_runs_under_podman_in_place_of_the_process_and_serves_through_the_gateway()
            throws Exception {
        Microshop.CommandResult images = Microshop.run("images", "notification-service");
        assertThat(images.exitCode()).as(images.output()).isZero();
        System.out.printf(
                "[figure] ./microshop images notification-service took %.1f s%n",
                images.took().toMillis() / 1000.0);
        assertThat(Podman.run(
                        "load",
                        "-q",
                        "-i",
                        Microshop.HOME
                                .resolve("target/images/notification-service.tar")
                                .toString()))
                .contains("microshop/notification-service:");
        String container = "microshop-test-" + UUID.randomUUID();
        Microshop.CommandResult stop = Microshop.run("stop", "notification-service");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        try {
            Instant started = Instant.now();
            Podman.run(
                    "run",
                    "--detach",
                    "--name",
                    container,
                    "--network",
                    "host",
                    "--read-only",
                    "--tmpfs",
                    "/tmp",
                    "--env",
                    "SERVER_PORT=8105",
                    "--env",
                    "SERVER_ADDRESS=127.0.0.1",
                    "--env",
                    "MANAGEMENT_SERVER_PORT=18105",
                    "--env",
                    "MANAGEMENT_SERVER_ADDRESS=127.0.0.1",
                    "--env",
                    "SPRING_PROFILES_ACTIVE=" + Microshop.LOAD_PROFILE,
                    "--env",
                    "MICROSHOP_POSTGRES_PASSWORD=" + Microshop.postgresPassword(),
                    "--env",
                    "MICROSHOP_OPERATOR_PASSWORD=" + Microshop.operatorPassword(),
                    // C1 only, as the system tests start every process (Microshop.run).
                    "--env",
                    "JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1",
                    "localhost/microshop/notification-service:0.1.0-SNAPSHOT");
            Microshop.await(
                    Duration.ofSeconds(150),
                    () -> assertThat(get("http://127.0.0.1:18105/actuator/health/readiness", Map.of())
                                    .statusCode())
                            .isEqualTo(200));
            System.out.printf(
                    "[figure] the notification-service container was ready %.1f s after podman run%n",
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);

            long pid = Long.parseLong(Podman.run("inspect", "--format", "{{.State.Pid}}", container));
            assertThat(Files.readAllLines(Path.of("/proc/" + pid + "/status")))
                    .as("the container's JVM runs as the image's user")
                    .anyMatch(line -> line.matches("Uid:\\s+10001\\s.*"));
            assertThat(Microshop.instance("notification-service").get("state").asString())
                    .isEqualTo("HELD");
            // Its registration turns UP with its first status report after start-up (a few seconds).
            Microshop.await(Duration.ofSeconds(30), () -> {
                JsonNode registered = json(get(
                                "http://127.0.0.1:8761/eureka/apps/NOTIFICATION-SERVICE",
                                Map.of("Accept", "application/json")))
                        .get("application")
                        .get("instance");
                assertThat(registered).hasSize(1);
                assertThat(registered.get(0).get("instanceId").asString()).isEqualTo("notification-service:8105");
                assertThat(registered.get(0).get("status").asString()).isEqualTo("UP");
            });

            Shopper shopper = Shopper.signUp();
            Microshop.await(Duration.ofSeconds(30), () -> {
                HttpResponse<String> notifications = get(GATEWAY + "/api/notifications", shopper.bearer());
                assertThat(notifications.statusCode()).as(notifications.body()).isEqualTo(200);
                assertThat(json(notifications).get("content").toString()).contains("WELCOME");
            });
            assertThat(Podman.run("logs", container)).contains("\"service\":\"notification-service\"");
        } finally {
            System.out.println(Podman.run("stop", "--time", "15", container));
            Podman.run("rm", "--force", container);
            Microshop.CommandResult start = Microshop.run("start", "notification-service");
            assertThat(start.exitCode()).as(start.output()).isZero();
        }
        assertThat(Microshop.instance("notification-service").get("state").asString())
                .isEqualTo("READY");
    }

    @Test
    @Order(100)
    void down_leaves_no_process_of_the_system_running() throws Exception {
        List<Long> pids = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (JsonNode instance : Microshop.state().get("instances")) {
            pids.add(instance.get("pid").asLong());
            instance.get("ports").forEach(port -> ports.add(port.asInt()));
            ports.add(instance.get("port").asInt());
        }
        Microshop.CommandResult down = Microshop.run("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid " + pid)
                    .isFalse();
        }
        for (int port : ports) {
            assertThat(Microshop.isListening(port)).as("port " + port).isFalse();
        }
    }

    private static void assertUnauthorizedProblem(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("application/problem+json");
        assertThat(json(response).get("status").asInt()).as(what).isEqualTo(401);
    }

    private static List<String> logLinesWithTrace(String instance, String traceId) throws Exception {
        Path log = Microshop.HOME.resolve(".microshop/logs/" + instance + ".log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("\"trace_id\":\"" + traceId + "\""))
                    .toList();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
