package io.prod2test.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JSON-RPC client over a pair of in-process pipes, speaking MCP's stdio framing (one JSON message
 * a line). Every line the server writes is kept, to check that nothing but JSON-RPC came out.
 */
final class JsonRpcSession implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final InputStream serverIn;
    final OutputStream serverOut;
    private final OutputStream toServer;
    private final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    JsonRpcSession() throws IOException {
        Pipe requests = Pipe.open();
        Pipe answers = Pipe.open();
        serverIn = Channels.newInputStream(requests.source());
        toServer = Channels.newOutputStream(requests.sink());
        serverOut = Channels.newOutputStream(answers.sink());
        BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(answers.source()), StandardCharsets.UTF_8));
        Thread thread = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                    JsonNode message = JSON.readTree(line);
                    if (message.has("id")) {
                        responses.add(message);
                    }
                }
            } catch (IOException e) {
                // the pipe closed with the session
            }
        }, "json-rpc-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Sends a request and waits for its response (result or error). */
    JsonNode request(String method, Object params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            message.set("params", JSON.valueToTree(params));
        }
        send(message);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode answer = responses.poll(100, TimeUnit.MILLISECONDS);
            if (answer != null && answer.path("id").asInt() == id) {
                return answer;
            }
        }
        throw new AssertionError("no answer to " + method + " within 30 s; lines so far: " + lines);
    }

    void notification(String method) throws IOException {
        send(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method));
    }

    /** Sends a raw line (to test malformed input). */
    synchronized void sendRaw(String line) throws IOException {
        toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private void send(JsonNode message) throws IOException {
        sendRaw(JSON.writeValueAsString(message));
    }

    JsonNode initialize() throws Exception {
        JsonNode init = request("initialize", java.util.Map.of("protocolVersion", "2025-06-18", "capabilities", java.util.Map.of(),
                "clientInfo", java.util.Map.of("name", "test", "version", "1")));
        notification("notifications/initialized");
        return init;
    }

    JsonNode callTool(String name, Object arguments) throws Exception {
        return request("tools/call", java.util.Map.of("name", name, "arguments", arguments));
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}
