package io.prod2test.runner.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.runner.scenario.Capture;
import io.prod2test.runner.scenario.Request;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the steps of one scenario run over HTTP. One player per run: it keeps the cookies the
 * service sets (a session cookie, say) from step to step, as a browser would, and nothing across runs.
 */
public final class StepPlayer {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** Headers java.net.http sets itself and refuses to take from a caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    /** A player against {@code baseUrl}; each request may take up to {@code timeout}. */
    public StepPlayer(URI baseUrl, Duration timeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Resolves {@code request}'s references with {@code bindings}, sends it and reads the answer. */
    public Response play(Request request, Bindings bindings) {
        StringBuilder uri = new StringBuilder(baseUrl.toString()).append(bindings.resolve(request.path()));
        if (!request.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            request.query().forEach((name, values) -> values.forEach(v -> query.add(
                    URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(bindings.resolve(v), StandardCharsets.UTF_8))));
            uri.append(query);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(timeout);
        boolean contentType = false;
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(name)) {
                continue;
            }
            contentType |= name.equals("content-type");
            builder.header(h.getKey(), bindings.resolve(h.getValue()));
        }
        String body = null;
        if (request.body() != null) {
            body = bindings.resolve(request.body()).toString();
            if (!contentType) {
                builder.header("content-type", "application/json");
            }
        } else if (request.bodyText() != null) {
            body = bindings.resolve(request.bodyText());
        }
        builder.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.SERVICE, request.method() + " " + uri + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Prod2TestException(ErrorCode.SERVICE, request.method() + " " + uri + " was interrupted", e);
        }
        long nanos = System.nanoTime() - start;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return new Response(response.statusCode(), headers, response.body(), parse(response.body()), nanos);
    }

    /** The value {@code capture} takes from {@code response}, or null when the response has none. */
    public static JsonNode capture(Capture capture, Response response) {
        JsonNode value;
        if (capture.from() == Capture.From.BODY) {
            value = response.json() == null ? null : response.json().at(capture.locator());
            if (value == null || value.isMissingNode()) {
                return null;
            }
        } else {
            String header = response.header(capture.locator());
            if (header == null) {
                return null;
            }
            value = JsonNodeFactory.instance.textNode(header);
        }
        if (capture.pattern() == null) {
            return value;
        }
        Matcher m = Pattern.compile(capture.pattern()).matcher(value.isValueNode() ? value.asText() : value.toString());
        if (!m.find()) {
            return null;
        }
        return JsonNodeFactory.instance.textNode(m.groupCount() >= 1 ? m.group(1) : m.group());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
