package io.prod2test.core.ingest.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recording proxy over real HTTP: a JDK server as the upstream, the proxy in front, the JDK
 * client calling through it and calling the upstream directly for comparison. Synthetic data only.
 */
class RecordingProxyIT {
    static final int LARGE = 3 * 1024 * 1024;
    static final String EMAIL = "planted.user@example.org";
    static final String CARD = "4242424242424242";
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    static HttpServer upstream;
    static URI upstreamUri;
    static byte[] largeBody;
    static byte[] binaryBody;

    /** Gate of the streaming endpoint: it sends the first piece, then waits here before the rest. */
    static volatile CountDownLatch streamGate = new CountDownLatch(0);
    static volatile CountDownLatch streamStarted = new CountDownLatch(1);
    static final AtomicBoolean streamGateTimedOut = new AtomicBoolean();

    @TempDir
    Path dir;
    RecordingProxy proxy;
    HttpClient http;

    @BeforeAll
    static void startUpstream() throws IOException {
        largeBody = new byte[LARGE];
        for (int i = 0; i < LARGE; i++) {
            largeBody[i] = (byte) ('a' + i % 26);
        }
        binaryBody = new byte[256];
        for (int i = 0; i < 256; i++) {
            binaryBody[i] = (byte) i;
        }
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/api/customers/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/api/customers/".length());
            ex.getResponseHeaders().add("X-Upstream", "test-upstream");
            respond(ex, 200, "application/json", ("{\"id\":" + id + ",\"name\":\"Test Customer " + id + "\"}").getBytes(StandardCharsets.UTF_8));
        });
        upstream.createContext("/api/login", ex -> {
            ex.getResponseHeaders().add("Set-Cookie", "sid=s-login-1; Path=/; HttpOnly");
            respond(ex, 200, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        });
        upstream.createContext("/api/echo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            respond(ex, 201, type == null ? "application/octet-stream" : type, body);
        });
        upstream.createContext("/headers", ex -> {
            ObjectNode seen = ExchangeJson.mapper().createObjectNode();
            new TreeMap<>(ex.getRequestHeaders()).forEach((name, values) -> seen.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            respond(ex, 200, "application/json", ExchangeJson.mapper().writeValueAsBytes(seen));
        });
        upstream.createContext("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", "/api/customers/1");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        upstream.createContext("/missing", ex -> respond(ex, 404, "application/json", "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8)));
        upstream.createContext("/empty", ex -> {
            drain(ex);
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        upstream.createContext("/large", ex -> {
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                ex.getResponseHeaders().add("Content-Length", Integer.toString(LARGE));
                ex.sendResponseHeaders(200, -1);
                ex.close();
                return;
            }
            respond(ex, 200, "text/plain", largeBody);
        });
        upstream.createContext("/binary", ex -> respond(ex, 200, "image/png", binaryBody));
        upstream.createContext("/gzip", ex -> {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write("{\"compressed\":true,\"items\":[1,2,3]}".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            respond(ex, 200, "application/json", zipped.toByteArray());
        });
        upstream.createContext("/upload", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            respond(ex, 200, "application/json", ("{\"bytes\":" + body.length + ",\"sha256\":\"" + sha256(body) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        });
        upstream.createContext("/stream", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(200, 0); // chunked
            try (OutputStream out = ex.getResponseBody()) {
                out.write("piece-1\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                streamStarted.countDown();
                try {
                    if (!streamGate.await(5, TimeUnit.SECONDS)) {
                        streamGateTimedOut.set(true);
                    }
                    out.write("piece-2\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(20);
                    out.write("piece-3\n".getBytes(StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        upstream.createContext("/broken", ex -> {
            // Promises 1000 bytes (or a chunked stream), sends 100, then drops the connection:
            // leaving a JDK handler with an exception closes it without ending the response.
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, ex.getRequestURI().getQuery() == null ? 1000 : 0);
            ex.getResponseBody().write(largeBody, 0, 100);
            ex.getResponseBody().flush();
            throw new IOException("upstream breaks off on purpose");
        });
        upstream.start();
        upstreamUri = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort());
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop(0);
    }

    @BeforeEach
    void client() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        streamGate = new CountDownLatch(0);
        streamStarted = new CountDownLatch(1);
        streamGateTimedOut.set(false);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        http.close();
    }

    // ---------------------------------------------------------------------------------------- tests

    @Test
    void responsesThroughTheProxyAreTheUpstreamsResponses() throws Exception {
        proxy = RecordingProxy.start(config(null));
        List<HttpRequest.Builder> requests = List.of(
                request("/api/customers/7").GET(),
                request("/api/echo").header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"a\":1}")),
                request("/api/echo").header("Content-Type", "text/plain").PUT(BodyPublishers.ofString("plain words")),
                request("/redirect").GET(),
                request("/missing").GET(),
                request("/empty").DELETE(),
                request("/binary").GET(),
                request("/large").GET(),
                request("/large").HEAD(),
                request("/gzip").header("Accept-Encoding", "gzip").GET());
        for (HttpRequest.Builder builder : requests) {
            HttpRequest direct = builder.copy().uri(upstreamUri.resolve(builder.build().uri().getRawPath())).build();
            HttpRequest proxied = builder.copy().uri(proxy.address().resolve(builder.build().uri().getRawPath())).build();
            HttpResponse<byte[]> expected = http.send(direct, BodyHandlers.ofByteArray());
            HttpResponse<byte[]> actual = http.send(proxied, BodyHandlers.ofByteArray());
            String what = direct.method() + " " + direct.uri().getPath();
            assertThat(actual.statusCode()).as(what).isEqualTo(expected.statusCode());
            assertThat(actual.body()).as(what).isEqualTo(expected.body());
            for (String header : List.of("content-type", "content-length", "content-encoding", "location", "x-upstream", "set-cookie")) {
                assertThat(actual.headers().allValues(header)).as(what + " " + header).isEqualTo(expected.headers().allValues(header));
            }
        }
        proxy.close();

        List<Exchange> log = readLog();
        assertThat(log).hasSize(requests.size());
        assertThat(proxy.recorded()).isEqualTo(requests.size());
        assertThat(log).extracting(e -> e.method() + " " + e.path() + " " + e.status()).containsExactlyInAnyOrder(
                "GET /api/customers/7 200", "POST /api/echo 201", "PUT /api/echo 201", "GET /redirect 302", "GET /missing 404",
                "DELETE /empty 204", "GET /binary 200", "GET /large 200", "HEAD /large 200", "GET /gzip 200");
        assertThat(one(log, "GET", "/api/customers/7").responseBody())
                .isEqualTo(ExchangeJson.bodyOf("{\"id\":7,\"name\":\"Test Customer 7\"}"));
        assertThat(one(log, "PUT", "/api/echo").requestBody().textValue()).isEqualTo("plain words");
        assertThat(one(log, "PUT", "/api/echo").responseBody().textValue()).isEqualTo("plain words");
        assertThat(one(log, "GET", "/redirect").responseHeaders()).containsEntry("location", "/api/customers/1");
        assertThat(one(log, "GET", "/missing").responseBody().get("error").textValue()).isEqualTo("not found");
        assertThat(one(log, "DELETE", "/empty").responseBody()).isNull();
        assertThat(one(log, "HEAD", "/large").responseBody()).isNull();
        // gzip is decoded for the log, though the client got the compressed bytes
        assertThat(one(log, "GET", "/gzip").responseBody()).isEqualTo(ExchangeJson.bodyOf("{\"compressed\":true,\"items\":[1,2,3]}"));
        assertThat(one(log, "GET", "/gzip").responseHeaders()).containsEntry("content-encoding", "gzip");
    }

    @Test
    void eachLineCarriesTheCanonicalFieldsAndIsWrittenAsSoonAsTheExchangeEnds() throws Exception {
        proxy = RecordingProxy.start(config(null));
        String jwt = base64Url("{\"alg\":\"none\"}") + "." + base64Url("{\"sub\":\"u-77\",\"scope\":\"orders\"}") + ".c2ln";
        Instant before = Instant.now();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(proxy.address().resolve("/api/echo?expand=card&expand=items&q=a+b%21"))
                .header("Content-Type", "application/json")
                .header("traceparent", TRACEPARENT)
                .header("Cookie", "theme=dark; sid=s-19ab")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Authorization", "Bearer " + jwt)
                .POST(BodyPublishers.ofString("{\"orderId\":812,\"amount\":4980,\"currency\":\"JPY\"}"))
                .build(), BodyHandlers.ofString());
        Instant after = Instant.now();
        assertThat(response.statusCode()).isEqualTo(201);

        // Flushed per line: the line is in the file while the proxy still runs.
        awaitRecorded(1);
        List<Exchange> log = readLog();
        assertThat(log).hasSize(1);
        Exchange e = log.getFirst();
        assertThat(e.ts()).isBetween(before, after);
        assertThat(e.service()).isEqualTo("127.0.0.1");
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.path()).isEqualTo("/api/echo");
        assertThat(e.query()).isEqualTo(Map.of("expand", List.of("card", "items"), "q", List.of("a b!")));
        assertThat(e.requestHeaders())
                .containsEntry("content-type", "application/json")
                .containsEntry("traceparent", TRACEPARENT)
                .containsEntry("x-forwarded-for", "203.0.113.9, 127.0.0.1")
                .doesNotContainKeys("host", "connection");
        assertThat(e.requestBody()).isEqualTo(ExchangeJson.bodyOf("{\"orderId\":812,\"amount\":4980,\"currency\":\"JPY\"}"));
        assertThat(e.status()).isEqualTo(201);
        assertThat(e.responseHeaders()).containsEntry("content-type", "application/json");
        assertThat(e.responseBody()).isEqualTo(e.requestBody());
        assertThat(e.durationMs()).isNotNull().isBetween(0L, Duration.between(before, after).toMillis() + 1);
        assertThat(e.sessionId()).isEqualTo("s-19ab");
        assertThat(e.userId()).isEqualTo("u-77");
        assertThat(e.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(e.clientIp()).isEqualTo("203.0.113.9");
    }

    @Test
    void theUpstreamSeesForwardedHeadersItsOwnHostAndNoHopByHopHeaders() throws Exception {
        proxy = RecordingProxy.start(config(null).withService("payments"));
        // A raw request, since the JDK client will not send hop-by-hop headers itself.
        String request = "GET /headers HTTP/1.1\r\n"
                + "Host: proxy.example.test\r\n"
                + "Connection: close, X-Hop\r\n"
                + "X-Hop: per-connection\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic dGVzdDp0ZXN0\r\n"
                + "TE: trailers\r\n"
                + "traceparent: " + TRACEPARENT + "\r\n"
                + "X-End-To-End: kept\r\n"
                + "\r\n";
        String raw;
        try (Socket socket = new Socket(proxy.address().getHost(), proxy.address().getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(raw).startsWith("HTTP/1.1 200");
        JsonNode seen = ExchangeJson.mapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
        assertThat(seen.path("host").textValue()).isEqualTo("127.0.0.1:" + upstream.getAddress().getPort());
        assertThat(seen.path("x-forwarded-for").textValue()).isEqualTo("127.0.0.1");
        assertThat(seen.path("traceparent").textValue()).isEqualTo(TRACEPARENT);
        assertThat(seen.path("x-end-to-end").textValue()).isEqualTo("kept");
        assertThat(seen.has("x-hop")).isFalse();
        assertThat(seen.has("keep-alive")).isFalse();
        assertThat(seen.has("proxy-authorization")).isFalse();
        assertThat(seen.has("te")).isFalse();

        proxy.close();
        Exchange e = readLog().getFirst();
        assertThat(e.service()).isEqualTo("payments");
        assertThat(e.clientIp()).isEqualTo("127.0.0.1");
        assertThat(e.requestHeaders()).containsEntry("x-end-to-end", "kept")
                .doesNotContainKeys("x-hop", "keep-alive", "proxy-authorization", "te", "connection", "host");
    }

    @Test
    void aLoginResponseSettingTheSessionCookieBelongsToThatSession() throws Exception {
        proxy = RecordingProxy.start(config(null));
        HttpResponse<String> response = http.send(request("/api/login").POST(BodyPublishers.ofString("user=test"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), BodyHandlers.ofString());
        assertThat(response.headers().firstValue("set-cookie")).hasValue("sid=s-login-1; Path=/; HttpOnly");
        proxy.close();
        Exchange e = readLog().getFirst();
        assertThat(e.sessionId()).isEqualTo("s-login-1");
        assertThat(e.requestBody().textValue()).isEqualTo("user=test");
        assertThat(e.traceId()).isNull();
        assertThat(e.userId()).isNull();
    }

    @Test
    void aStreamingResponseReachesTheClientPieceByPiece() throws Exception {
        proxy = RecordingProxy.start(config(null));
        streamGate = new CountDownLatch(1);
        HttpResponse<InputStream> response = http.send(request("/stream").GET().build(), BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        StringBuilder received = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The upstream holds back the rest until the first piece has come through the proxy.
            received.append(reader.readLine()).append('\n');
            streamGate.countDown();
            String line;
            while ((line = reader.readLine()) != null) {
                received.append(line).append('\n');
            }
        }
        assertThat(streamGateTimedOut).as("the first piece arrived before the upstream finished").isFalse();
        assertThat(received).hasToString("piece-1\npiece-2\npiece-3\n");
        proxy.close();
        Exchange e = readLog().getFirst();
        assertThat(e.responseBody().textValue()).isEqualTo("piece-1\npiece-2\npiece-3\n");
        assertThat(e.responseHeaders()).doesNotContainKey("transfer-encoding");
    }

    @Test
    void largeAndBinaryBodiesPassThroughWholeAndAreLoggedAsPlaceholders() throws Exception {
        proxy = RecordingProxy.start(config(null));
        HttpResponse<byte[]> large = http.send(request("/large").GET().build(), BodyHandlers.ofByteArray());
        assertThat(large.body()).isEqualTo(largeBody);
        HttpResponse<byte[]> binary = http.send(request("/binary").GET().build(), BodyHandlers.ofByteArray());
        assertThat(binary.body()).isEqualTo(binaryBody);
        // Uploads stream too: a 3 MB request body reaches the upstream byte for byte.
        HttpResponse<String> upload = http.send(request("/upload").header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(largeBody)).build(), BodyHandlers.ofString());
        JsonNode counted = ExchangeJson.mapper().readTree(upload.body());
        assertThat(counted.get("bytes").intValue()).isEqualTo(LARGE);
        assertThat(counted.get("sha256").textValue()).isEqualTo(sha256(largeBody));
        // ... also when the client sends it chunked, with no length declared.
        HttpResponse<String> chunkedUpload = http.send(request("/upload").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(largeBody))).build(), BodyHandlers.ofString());
        assertThat(ExchangeJson.mapper().readTree(chunkedUpload.body()).get("sha256").textValue()).isEqualTo(sha256(largeBody));
        proxy.close();

        List<Exchange> log = readLog();
        JsonNode largeLogged = one(log, "GET", "/large").responseBody();
        assertThat(largeLogged.textValue()).isEqualTo("<body of " + LARGE + " bytes not recorded: larger than 1048576 bytes>");
        assertThat(RecordingProxy.isPlaceholder(largeLogged)).isTrue();
        JsonNode binaryLogged = one(log, "GET", "/binary").responseBody();
        assertThat(binaryLogged.textValue()).isEqualTo("<body of 256 bytes not recorded: binary image/png>");
        assertThat(RecordingProxy.isPlaceholder(binaryLogged)).isTrue();
        List<Exchange> uploads = log.stream().filter(e -> e.path().equals("/upload")).toList();
        assertThat(uploads).hasSize(2).allSatisfy(e -> {
            assertThat(RecordingProxy.isPlaceholder(e.requestBody())).isTrue();
            assertThat(e.requestBody().textValue()).startsWith("<body of " + LARGE + " bytes not recorded");
            assertThat(e.responseBody().get("bytes").intValue()).isEqualTo(LARGE);
        });
        assertThat(RecordingProxy.isPlaceholder(uploads.getFirst().responseBody())).isFalse();
    }

    @Test
    void withAMaskerTheLogHoldsNoPlantedPersonalDataWhileTheClientGetsTheRawResponse() throws Exception {
        Masker masker = Masker.create(MaskingPolicy.defaults(),
                MaskingKey.of("some-32-byte-test-key-..........".getBytes(StandardCharsets.UTF_8)));
        proxy = RecordingProxy.start(config(masker));
        String body = "{\"customer\":{\"email\":\"" + EMAIL + "\",\"name\":\"Test Person\"},\"cardNumber\":\"" + CARD
                + "\",\"amount\":4980}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(proxy.address().resolve("/api/echo?email=planted.user%40example.org"))
                .header("Content-Type", "application/json")
                .header("X-Customer-Email", EMAIL)
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo(body).contains(EMAIL, CARD);
        HttpResponse<String> text = http.send(request("/api/echo").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("please refund card " + CARD + ", receipt to " + EMAIL)).build(), BodyHandlers.ofString());
        assertThat(text.body()).contains(EMAIL, CARD);
        proxy.close();

        String file = Files.readString(dir.resolve("capture.jsonl"));
        assertThat(file).doesNotContain(EMAIL, CARD, "planted.user%40example.org", "planted.user");
        List<Exchange> log = readLog();
        assertThat(log).hasSize(2);
        Exchange e = log.stream().filter(x -> x.query() != null).findFirst().orElseThrow();
        assertThat(e.status()).isEqualTo(201);
        assertThat(e.query().get("email")).singleElement().asString().endsWith("@example.org").isNotEqualTo(EMAIL);
        String maskedEmail = e.requestBody().at("/customer/email").textValue();
        assertThat(maskedEmail).isNotBlank().isNotEqualTo(EMAIL);
        // Keyed and deterministic: the same e-mail has the same surrogate in request and response.
        assertThat(e.responseBody().at("/customer/email").textValue()).isEqualTo(maskedEmail);
        assertThat(e.requestBody().get("amount").intValue()).isEqualTo(4980);
    }

    @Test
    void twentyConcurrentExchangesAreAllRecorded() throws Exception {
        proxy = RecordingProxy.start(config(null));
        int n = 20;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                HttpRequest request = request("/api/customers/" + (100 + i) + "?n=" + i).GET().build();
                responses.add(clients.submit(() -> {
                    go.await();
                    return http.send(request, BodyHandlers.ofString());
                }));
            }
            go.countDown();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> response = responses.get(i).get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(ExchangeJson.mapper().readTree(response.body()).get("id").intValue()).isEqualTo(100 + i);
            }
        }
        proxy.close();
        List<Exchange> log = readLog();
        assertThat(log).hasSize(n);
        assertThat(proxy.recorded()).isEqualTo(n);
        assertThat(proxy.dropped()).isZero();
        for (Exchange e : log) {
            int id = Integer.parseInt(e.path().substring("/api/customers/".length()));
            assertThat(e.query()).isEqualTo(Map.of("n", List.of(Integer.toString(id - 100))));
            assertThat(e.responseBody().get("id").intValue()).isEqualTo(id);
        }
        assertThat(log.stream().map(Exchange::path).collect(Collectors.toSet())).hasSize(n);
    }

    @Test
    void anUnreachableUpstreamIsAnswered502AndRecorded() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        proxy = RecordingProxy.start(new RecordingConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                URI.create("http://127.0.0.1:" + closedPort), dir.resolve("capture.jsonl")));
        HttpResponse<String> response = http.send(request("/api/customers/1").GET().build(), BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode error = ExchangeJson.mapper().readTree(response.body());
        assertThat(error.get("error").textValue()).isEqualTo("bad gateway");
        assertThat(error.get("message").textValue())
                .isEqualTo("the recording proxy got no answer from the upstream http://127.0.0.1:" + closedPort + " (connection refused)");
        proxy.close();
        Exchange e = readLog().getFirst();
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.path()).isEqualTo("/api/customers/1");
        assertThat(e.responseBody().get("error").textValue()).isEqualTo("bad gateway");
    }

    @Test
    void closeLetsARunningExchangeFinishThenFlushesAndStopsAccepting() throws Exception {
        proxy = RecordingProxy.start(config(null));
        streamGate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> running = http.sendAsync(request("/stream").GET().build(), BodyHandlers.ofString());
        assertThat(streamStarted.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = Thread.ofPlatform().start(proxy::close);
        Thread.sleep(300);
        assertThat(closer.isAlive()).as("close waits for the running exchange").isTrue();
        URI address = proxy.address();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket(address.getHost(), address.getPort())) {
                socket.getOutputStream().write(1);
            }
        }).as("no new connections once closing").isInstanceOf(ConnectException.class);

        streamGate.countDown();
        assertThat(running.get(5, TimeUnit.SECONDS).body()).isEqualTo("piece-1\npiece-2\npiece-3\n");
        closer.join(Duration.ofSeconds(10));
        assertThat(closer.isAlive()).isFalse();
        assertThat(proxy.recorded()).isEqualTo(1);
        assertThat(readLog().getFirst().responseBody().textValue()).isEqualTo("piece-1\npiece-2\npiece-3\n");
        proxy.close(); // idempotent
    }

    @Test
    void aResponseTheUpstreamBreaksOffIsBrokenOffForTheClientTooAndCloseDoesNotHang() throws Exception {
        proxy = RecordingProxy.start(config(null));
        for (String target : List.of("/broken", "/broken?chunked")) {
            assertThatThrownBy(() -> http.send(request(target).GET().build(), BodyHandlers.ofByteArray()))
                    .as("a cut-off body must not look complete: " + target).isInstanceOf(IOException.class);
        }
        long started = System.nanoTime();
        proxy.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        List<Exchange> log = readLog();
        assertThat(log).hasSize(2).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.responseBody().textValue()).isEqualTo("<body of 100 bytes not recorded: interrupted, the upstream broke off>");
        });
    }

    @Test
    void aRestartedCaptureAppendsToTheLog() throws Exception {
        proxy = RecordingProxy.start(config(null));
        http.send(request("/api/customers/1").GET().build(), BodyHandlers.discarding());
        proxy.close();
        Files.writeString(dir.resolve("capture.jsonl"), "{\"torn", java.nio.file.StandardOpenOption.APPEND); // a crash mid-line
        proxy = RecordingProxy.start(config(null));
        http.send(request("/api/customers/2").GET().build(), BodyHandlers.discarding());
        proxy.close();
        List<String> lines = Files.readAllLines(dir.resolve("capture.jsonl"));
        assertThat(lines).hasSize(3);
        assertThat(ExchangeJson.read(lines.get(0), "capture.jsonl", 1).path()).isEqualTo("/api/customers/1");
        assertThat(lines.get(1)).isEqualTo("{\"torn");
        assertThat(ExchangeJson.read(lines.get(2), "capture.jsonl", 3).path()).isEqualTo("/api/customers/2");
    }

    @Test
    void theConfigurationStatesItsRules() throws IOException {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        Path out = dir.resolve("out.jsonl");
        assertThatThrownBy(() -> new RecordingConfig(null, upstreamUri, out)).hasMessageStartingWith("listen is required");
        assertThatThrownBy(() -> new RecordingConfig(any, null, out)).hasMessageStartingWith("upstream is required");
        assertThatThrownBy(() -> new RecordingConfig(any, URI.create("ftp://example.test"), out))
                .hasMessageStartingWith("upstream must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> new RecordingConfig(any, URI.create("/relative"), out))
                .hasMessageStartingWith("upstream must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> new RecordingConfig(any, URI.create("http://example.test/?a=b"), out))
                .hasMessageStartingWith("upstream must not have a query or fragment");
        assertThatThrownBy(() -> new RecordingConfig(any, URI.create("http://user:pw@example.test"), out))
                .hasMessageStartingWith("upstream must not carry user info");
        assertThatThrownBy(() -> new RecordingConfig(any, upstreamUri, null)).hasMessageStartingWith("out is required");
        assertThatThrownBy(() -> new RecordingConfig(any, upstreamUri, dir)).hasMessageStartingWith("out must be a file");
        assertThatThrownBy(() -> new RecordingConfig(any, upstreamUri, out).withService(" "))
                .hasMessageStartingWith("service must not be blank");
        assertThat(new RecordingConfig(any, URI.create("https://payments.internal:8443/api"), out).service()).isEqualTo("payments.internal");

        assertThat(RecordingConfig.listenAddress("127.0.0.1:9090")).isEqualTo(new InetSocketAddress("127.0.0.1", 9090));
        assertThat(RecordingConfig.listenAddress("[::1]:0").getAddress().isLoopbackAddress()).isTrue();
        assertThat(RecordingConfig.listenAddress(":8080").getAddress().isAnyLocalAddress()).isTrue();
        assertThatThrownBy(() -> RecordingConfig.listenAddress("9090")).hasMessageStartingWith("listen must be HOST:PORT");
        assertThatThrownBy(() -> RecordingConfig.listenAddress("::1:9090")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> RecordingConfig.listenAddress("localhost:http")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RecordingConfig.listenAddress("localhost:70000")).hasMessageContaining("0-65535");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RecordingConfig busy = new RecordingConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()),
                    upstreamUri, out);
            assertThatThrownBy(() -> RecordingProxy.start(busy)).hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    // -------------------------------------------------------------------------------------- helpers

    RecordingConfig config(Masker masker) {
        return new RecordingConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), upstreamUri,
                dir.resolve("capture.jsonl")).withMasker(masker);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(proxy.address().resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    List<Exchange> readLog() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("capture.jsonl"));
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            exchanges.add(ExchangeJson.read(lines.get(i), "capture.jsonl", i + 1));
        }
        return exchanges;
    }

    void awaitRecorded(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (proxy.recorded() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(proxy.recorded()).isEqualTo(n);
    }

    static Exchange one(List<Exchange> log, String method, String path) {
        List<Exchange> found = log.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).toList();
        assertThat(found).as(method + " " + path).hasSize(1);
        return found.getFirst();
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        drain(ex);
        ex.getResponseHeaders().add("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Reads the request body to its end; {@link #respond} does it, so a handler that responds does not. */
    static void drain(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
