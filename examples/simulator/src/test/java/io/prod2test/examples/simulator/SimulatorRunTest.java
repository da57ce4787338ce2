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

    private record Seen(String path, String cookie, String userAgent, String forwardedFor) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();

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
        seen.add(new Seen(exchange.getRequestURI().getPath(), cookie,
                exchange.getRequestHeaders().getFirst("user-agent"), exchange.getRequestHeaders().getFirst("x-forwarded-for")));
        if (cookie == null) {
            // like the shop: a session cookie on the first request without one
            exchange.getResponseHeaders().add("set-cookie", "sid=s" + sessions.incrementAndGet() + "; Path=/; HttpOnly");
        }
        boolean list = exchange.getRequestURI().getPath().equals("/products");
        int status = list ? productsStatus : 200;
        byte[] body = (list && status == 200 ? CATALOGUE : "{\"sku\": \"TEA\"}").getBytes(StandardCharsets.UTF_8);
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
        Simulator simulator = new Simulator(new SimulationConfig(5, 30, 4, shop), browsingOnly(), Clock.systemUTC());
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
    }
}
