package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the simulator plays sessions, against a tiny stand-in for the shop (the JDK's HTTP server):
 * one cookie jar and one set of browser headers per session, and failures counted, never thrown.
 */
class SimulatorRunTest {
    private static final String CATALOGUE = """
            {"items": [{"sku": "TEA", "giftCard": false, "prices": {"JPY": 1280, "USD": 8.90}},
                       {"sku": "MUG", "giftCard": false, "prices": {"JPY": 2200, "USD": 15.00}}]}""";

    private record Seen(String method, String path, String cookie, String userAgent, String forwardedFor) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger customers = new AtomicInteger();
    // whether the stand-in signs customers up as the shop does (201 with an id), or answers 200 to everything
    private volatile boolean signUps;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int productsStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> answer(exchange, productsStatus));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange, int productsStatus) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("cookie");
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), cookie,
                exchange.getRequestHeaders().getFirst("user-agent"), exchange.getRequestHeaders().getFirst("x-forwarded-for")));
        if (cookie == null) {
            // like the shop: a session cookie on the first request without one
            exchange.getResponseHeaders().add("set-cookie", "sid=s" + sessions.incrementAndGet() + "; Path=/; HttpOnly");
        }
        String path = exchange.getRequestURI().getPath();
        boolean list = path.equals("/products");
        int status = list ? productsStatus : 200;
        String answer = list && status == 200 ? CATALOGUE : "{\"sku\": \"TEA\"}";
        if (signUps && exchange.getRequestMethod().equals("POST") && path.equals("/customers")) {
            // like the shop: the new customer with an id and the e-mail as stored
            String email = ShopSession.JSON.readTree(exchange.getRequestBody()).path("email").asText().toLowerCase(java.util.Locale.ROOT);
            status = 201;
            answer = "{\"id\": \"cus_" + String.format("%012x", customers.incrementAndGet()) + "\", \"email\": \"" + email + "\"}";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static UsageModel browsingOnly() {
        Map<Journey, Integer> weights = new EnumMap<>(Journey.class);
        for (Journey journey : Journey.values()) {
            weights.put(journey, journey == Journey.BROWSE_ONLY ? UsageModel.TOTAL_WEIGHT : 0);
        }
        return new UsageModel(weights);
    }

    @Test
    void eachSessionHasItsOwnCookieJarAndBrowser() throws IOException {
        URI shop = serve(200);
        Simulator simulator = new Simulator(new SimulationConfig(5, 30, 4, shop, 0), browsingOnly(), Clock.systemUTC());
        List<SessionPlan> plans = simulator.plan();
        List<Integer> progress = new CopyOnWriteArrayList<>();

        SimulationReport report = simulator.run((finished, total) -> progress.add(finished));

        assertThat(report.failureMessages()).isEmpty();
        assertThat(report.sessions()).isEqualTo(30);
        assertThat(report.journeys()).containsEntry(Journey.BROWSE_ONLY, 30).containsEntry(Journey.FIRST_PURCHASE, 0);
        int planned = plans.stream().mapToInt(p -> 1 + p.productViews().size()).sum();
        assertThat(report.requests()).isEqualTo(planned);
        assertThat(report.statuses()).containsOnlyKeys(200).containsEntry(200, (long) planned);
        assertThat(progress).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        // one cookie issued per session, and every later request of the session carries it
        assertThat(sessions).hasValue(30);
        assertThat(seen.stream().filter(s -> s.cookie() == null).count()).isEqualTo(30);
        Map<String, List<Seen>> byCookie = seen.stream().filter(s -> s.cookie() != null)
                .collect(java.util.stream.Collectors.groupingBy(Seen::cookie));
        byCookie.values().forEach(requests -> {
            assertThat(requests).extracting(Seen::userAgent).containsOnly(requests.getFirst().userAgent());
            assertThat(requests).extracting(Seen::forwardedFor).containsOnly(requests.getFirst().forwardedFor());
        });
        assertThat(seen).extracting(Seen::forwardedFor).isSubsetOf(plans.stream().map(p -> p.persona().clientIp()).toList());
        assertThat(seen).extracting(Seen::userAgent).isSubsetOf(plans.stream().map(p -> p.persona().userAgent()).toList());
    }

    @Test
    void preWindowCustomersSignUpBeforeTheFirstSessionEachInItsOwnBrowserAndAreNoSessions() throws IOException {
        URI shop = serve(200);
        signUps = true;
        Simulator simulator = new Simulator(new SimulationConfig(9, 10, 4, shop, 6), browsingOnly(), Clock.systemUTC());
        List<PreWindowCustomer> planned = simulator.preWindowPlan();

        SimulationReport report = simulator.run();

        assertThat(report.succeeded()).as(report.summary()).isTrue();
        int kyc = (int) planned.stream().filter(PreWindowCustomer::kycVerified).count();
        assertThat(report.preWindow().customers()).extracting(PreWindow.Customer::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(report.preWindow().customers()).extracting(PreWindow.Customer::email)
                .containsExactlyElementsOf(planned.stream().map(c -> c.persona().email().toLowerCase(java.util.Locale.ROOT)).toList());
        assertThat(report.preWindow().customers()).extracting(PreWindow.Customer::kycVerified)
                .containsExactlyElementsOf(planned.stream().map(PreWindowCustomer::kycVerified).toList());
        assertThat(report.preWindow().ids()).hasSize(6).allSatisfy(id -> assertThat(id).matches("cus_[0-9a-f]{12}"));
        assertThat(report.preWindow().requests()).isEqualTo(6 + kyc);
        // the sign-ups come first, one browser (cookie) each, and the sessions' report leaves them out
        List<Seen> before = seen.subList(0, 6 + kyc);
        assertThat(before).extracting(Seen::method).containsOnly("POST", "PUT");
        assertThat(before).filteredOn(s -> s.path().endsWith("/kyc")).hasSize(kyc);
        assertThat(seen.subList(6 + kyc, seen.size())).extracting(Seen::path).allMatch(p -> p.startsWith("/products"));
        assertThat(sessions).hasValue(6 + 10);
        assertThat(report.sessions()).isEqualTo(10);
        assertThat(report.requests()).isEqualTo(seen.size() - 6 - kyc);
        assertThat(report.summary()).contains("before the window 6 of 6 customers signed up");
    }

    @Test
    void anUnexpectedStatusFailsTheSessionNotTheRun() throws IOException {
        URI shop = serve(500);

        SimulationReport report = new Simulator(new SimulationConfig(5, 25, 4, shop)).run();

        assertThat(report.sessions()).isEqualTo(25);
        assertThat(report.failures()).isEqualTo(25);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.count(500)).isEqualTo(25);
        assertThat(report.failureMessages()).hasSize(SimulationReport.MAX_MESSAGES)
                .allSatisfy(m -> assertThat(m).matches("session \\d+ \\([A-Z_]+\\): GET /products answered 500, expected \\[200\\]: .*"));
        assertThat(report.summary()).contains("25 sessions", "25 failures", "500×25");
        // the stand-in answers the sign-ups before the window 200 without an id: none of them signed up
        assertThat(report.preWindow().customers()).isEmpty();
        assertThat(report.preWindow().failures()).hasSize(5)
                .allSatisfy(m -> assertThat(m).matches("pre-window customer \\d: POST /customers answered 200, expected \\[201\\]: .*"));
    }

    @Test
    void aShopThatIsNotThereFailsEverySessionQuickly() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // free now, and nothing listens once it is closed
        }

        SimulationReport report = new Simulator(new SimulationConfig(5, 10, 2, URI.create("http://127.0.0.1:" + port))).run();

        assertThat(report.failures()).isEqualTo(10);
        assertThat(report.requests()).isZero();
        assertThat(report.failureMessages()).allSatisfy(m -> assertThat(m).contains("GET /products failed"));
        assertThat(report.preWindow().failures()).hasSize(5).allSatisfy(m -> assertThat(m).contains("POST /customers failed"));
        assertThat(report.preWindow().requests()).isZero();
    }
}
