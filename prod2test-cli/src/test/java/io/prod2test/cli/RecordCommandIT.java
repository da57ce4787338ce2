package io.prod2test.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandIT {

    @Test
    void recordsMaskedExchangesWhileClientsSeeTheRawAnswers(@TempDir Path dir) throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/customers", exchange -> {
            byte[] body = "{\"id\":812,\"email\":\"kenji.mori@mail-provider.jp\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path out = dir.resolve("capture.jsonl");
        try {
            CompletableFuture<CliRun> recording = CompletableFuture.supplyAsync(() -> CliRun.withEnvironment(
                    Map.of("PROD2TEST_MASKING_KEY", "cli-test-key-0123456789abcdef"), "record", "--listen", "127.0.0.1:" + port,
                    "--upstream", "http://127.0.0.1:" + upstream.getAddress().getPort(), "--out", out.toString(), "--stop-after", "2"));
            awaitListening(port);
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/customers"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"kenji.mori@mail-provider.jp\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(201);
                assertThat(response.body()).contains("kenji.mori@mail-provider.jp");
            }
            CliRun run = recording.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("recorded 2 exchanges");
            assertThat(run.err()).contains("(masked)");
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"status\":201").doesNotContain("kenji.mori"));
        } finally {
            upstream.stop(0);
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the proxy did not start listening on " + port);
    }
}
