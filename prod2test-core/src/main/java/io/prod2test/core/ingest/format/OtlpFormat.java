package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.Exchange;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code otlp}: OpenTelemetry traces as OTLP/JSON {@code ExportTraceServiceRequest}s, either one
 * request a line (what the collector's file exporter writes) or one pretty-printed document (what
 * a person saves); the first line decides: a complete JSON object means one request a line.
 *
 * <p>Each HTTP <em>server</em> span (kind 2, {@code SPAN_KIND_SERVER}, with an HTTP method
 * attribute) becomes an exchange with its trace id; the HTTP <em>client</em> spans (kind 3)
 * beneath it, directly or through internal spans, become its {@link DownstreamCall}s: the
 * service-to-service traffic the request caused. Other spans (internal, messaging, database
 * clients, gRPC servers) make no record of their own.
 *
 * <p>Attributes are read in both the current HTTP semantic conventions ({@code http.request.method},
 * {@code url.path}, {@code url.query}, {@code http.response.status_code}, {@code client.address},
 * {@code user_agent.original}, {@code http.request.header.*}) and the older ones ({@code http.method},
 * {@code http.target}, {@code http.url}, {@code http.status_code}, {@code http.client_ip},
 * {@code net.peer.ip}). service from the resource's {@code service.name}, else {@code --service};
 * userId from {@code enduser.id}, sessionId from {@code session.id}. Ids may be hex (the OTLP/JSON
 * rule) or base64 (what generic protobuf-to-JSON writers produce).
 *
 * <p>Memory: one request (line or document) at a time, plus the client and internal spans not yet
 * claimed by a server span, bounded at {@value #MAX_PENDING}: exporters send spans as they end, so
 * a client span often arrives in an earlier request than the server span it belongs to. Ordinals
 * count spans in file order, all kinds included, so they are stable; a line that cannot be read
 * counts as one.
 */
public final class OtlpFormat implements LogFormat {
    /** Client and internal spans kept while waiting for their server span. */
    static final int MAX_PENDING = 100_000;

    private final int maxPending;

    /** The format as {@code --format otlp} uses it. */
    public OtlpFormat() {
        this(MAX_PENDING);
    }

    /** With a smaller pending set, to test what happens when it overflows. */
    OtlpFormat(int maxPending) {
        this.maxPending = maxPending;
    }
    /** Downstream calls kept per exchange; more are dropped (a loop gone wrong, not a test case). */
    static final int MAX_CALLS = 1000;

    private static final int MARK_LIMIT = 1024 * 1024;
    private static final int KIND_INTERNAL = 1;
    private static final int KIND_SERVER = 2;
    private static final int KIND_CLIENT = 3;

    @Override
    public String name() {
        return "otlp";
    }

    @Override
    public double sniff(byte[] head, String fileName) {
        String text = Sniffing.text(head, 8192);
        if (!text.startsWith("{")) {
            return 0;
        }
        return text.contains("\"resourceSpans\"") || text.contains("\"resource_spans\"") ? 0.95 : 0;
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) throws IOException {
        return new Reader(in, context, maxPending);
    }

    private enum Mode { FIRST, LINES, DOCUMENT, DONE }

    /** A span as far as linking needs it. */
    private record Pending(String parentKey, DownstreamCall call, boolean internal) {
    }

    private static final class Reader implements RecordReader {
        private final int maxPending;
        private final BufferedInputStream input;
        private final LineSource lines;
        private final ReadContext context;
        private final Deque<ReadRecord> ready = new ArrayDeque<>();
        private final Map<String, List<String>> children = new HashMap<>();
        private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
                if (size() <= maxPending) {
                    return false;
                }
                List<String> siblings = children.get(eldest.getValue().parentKey());
                if (siblings != null) {
                    siblings.remove(eldest.getKey());
                    if (siblings.isEmpty()) {
                        children.remove(eldest.getValue().parentKey());
                    }
                }
                return true;
            }
        };
        private Mode mode = Mode.FIRST;
        private JsonParser parser;
        private long spans;

        Reader(InputStream in, ReadContext context, int maxPending) {
            this.maxPending = maxPending;
            this.input = new BufferedInputStream(in, 64 * 1024);
            this.input.mark(MARK_LIMIT);
            this.lines = new LineSource(input);
            this.context = context;
        }

        @Override
        public ReadRecord next() throws IOException {
            while (ready.isEmpty()) {
                switch (mode) {
                    case FIRST -> first();
                    case LINES -> {
                        LineSource.Line line = lines.next();
                        if (line == null) {
                            mode = Mode.DONE;
                        } else {
                            line(line);
                        }
                    }
                    case DOCUMENT -> document();
                    case DONE -> {
                        return null;
                    }
                }
            }
            return ready.poll();
        }

        private void first() throws IOException {
            LineSource.Line line = lines.next();
            if (line == null) {
                mode = Mode.DONE;
                return;
            }
            // a document's first line is short ("{"); a broken line of a one-request-a-line file is not
            if (line.text() != null && (completeObject(line.text()) || line.text().length() > 200)) {
                mode = Mode.LINES;
                line(line);
                return;
            }
            try {
                input.reset(); // a pretty-printed document: read it again from the start, as one
            } catch (IOException markGone) {
                mode = Mode.LINES; // the first line was too long to be a document's opening
                line(line);
                return;
            }
            mode = Mode.DOCUMENT;
        }

        private void openDocument() throws IOException {
            try {
                parser = Json.MAPPER.createParser(input);
            } catch (CharConversionException e) {
                // Jackson guesses the encoding from the first bytes, and may refuse them
                mode = Mode.DONE;
                ready.add(new ReadRecord.Rejected(new Position(++spans, 1), Json.describe(e), ""));
            }
        }

        private static boolean completeObject(String text) {
            try {
                Json.object(text);
                return true;
            } catch (BadRecord e) {
                return false;
            }
        }

        private void line(LineSource.Line line) {
            if (line.problem() != null) {
                ready.add(new ReadRecord.Rejected(new Position(++spans, line.number()), line.problem(), line.raw()));
                return;
            }
            try {
                request(Json.object(line.text()), line.number());
            } catch (BadRecord e) {
                ready.add(new ReadRecord.Rejected(new Position(++spans, line.number()), e.reason(), Texts.capRaw(line.text())));
            } catch (RuntimeException e) {
                ready.add(new ReadRecord.Rejected(new Position(++spans, line.number()), Texts.unexpected(e), Texts.capRaw(line.text())));
            }
        }

        private void document() throws IOException {
            if (parser == null) {
                openDocument();
                if (parser == null) {
                    return;
                }
            }
            long line = 0;
            JsonNode root;
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    mode = Mode.DONE;
                    return;
                }
                line = parser.currentTokenLocation().getLineNr();
                root = parser.readValueAsTree();
            } catch (JsonProcessingException | CharConversionException | RuntimeException e) {
                // CharConversionException: bytes Jackson took for UTF-32; RuntimeException: its NumberFormatException for numbers such as 1e99999999999
                mode = Mode.DONE;
                ready.add(new ReadRecord.Rejected(new Position(++spans, Math.max(0, line)),
                        "the document is cut or broken, nothing after this point can be read: " + Json.describe(e)
                                .replaceFirst("^not valid JSON: ", ""), ""));
                return;
            }
            try {
                if (!root.isObject()) {
                    throw new BadRecord("expected an OTLP ExportTraceServiceRequest object, found " + Json.kind(root));
                }
                request((ObjectNode) root, 0);
            } catch (BadRecord e) {
                ready.add(new ReadRecord.Rejected(new Position(++spans, Math.max(0, line)), e.reason(), ""));
            } catch (RuntimeException e) {
                ready.add(new ReadRecord.Rejected(new Position(++spans, Math.max(0, line)), Texts.unexpected(e), ""));
            }
        }

        /** One ExportTraceServiceRequest: index every span, then emit the server spans with their calls. */
        private void request(ObjectNode request, long line) {
            JsonNode resourceSpans = field(request, "resourceSpans", "resource_spans");
            if (resourceSpans == null) {
                throw new BadRecord("resourceSpans", "missing: this is not an OTLP trace export");
            }
            if (!resourceSpans.isArray()) {
                throw new BadRecord("resourceSpans", "expected an array, was " + Json.kind(resourceSpans));
            }
            List<ServerSpan> servers = new ArrayList<>();
            List<ReadRecord> out = new ArrayList<>();
            int r = 0;
            for (JsonNode batch : resourceSpans) {
                String at = "resourceSpans[" + r++ + "]";
                if (!batch.isObject()) {
                    out.add(reject(++spans, line, at, "expected an object, was " + Json.kind(batch)));
                    continue;
                }
                String service = service(batch);
                JsonNode scopes = field(batch, "scopeSpans", "scope_spans");
                if (scopes == null) {
                    scopes = field(batch, "instrumentationLibrarySpans", "instrumentation_library_spans");
                }
                if (scopes == null || !scopes.isArray()) {
                    continue;
                }
                int s = 0;
                for (JsonNode scope : scopes) {
                    String scopeAt = at + ".scopeSpans[" + s++ + "]";
                    JsonNode list = scope.isObject() ? scope.get("spans") : null;
                    if (list == null || !list.isArray()) {
                        continue;
                    }
                    int i = 0;
                    for (JsonNode span : list) {
                        long ordinal = ++spans;
                        String spanAt = scopeAt + ".spans[" + i++ + "]";
                        if (!span.isObject()) {
                            out.add(reject(ordinal, line, spanAt, "expected a span object, was " + Json.kind(span)));
                            continue;
                        }
                        index(span, ordinal, line, spanAt, service, servers, out);
                    }
                }
            }
            for (ServerSpan server : servers) {
                if (server.problem != null) {
                    out.add(server.problem);
                    continue;
                }
                List<DownstreamCall> calls = server.key == null ? List.of() : claim(server.key);
                out.add(new ReadRecord.Parsed(new Position(server.ordinal, line), server.exchange, calls));
            }
            // rejections were found while indexing, exchanges after it: hand them on in span order
            out.sort(Comparator.comparingLong(record -> record.position().ordinal()));
            ready.addAll(out);
        }

        private void index(JsonNode span, long ordinal, long line, String at, String service, List<ServerSpan> servers,
                List<ReadRecord> out) {
            int kind;
            try {
                kind = kind(span.get("kind"));
            } catch (BadRecord e) {
                out.add(reject(ordinal, line, at, e.reason()));
                return;
            }
            String traceId = id(field(span, "traceId", "trace_id"), 16);
            String spanId = id(field(span, "spanId", "span_id"), 8);
            String parentId = id(field(span, "parentSpanId", "parent_span_id"), 8);
            String key = traceId == null || spanId == null ? null : traceId + "/" + spanId;
            String parentKey = traceId == null || parentId == null ? null : traceId + "/" + parentId;
            Map<String, JsonNode> attributes = attributes(span.get("attributes"));
            if (kind == KIND_SERVER) {
                if (attr(attributes, "http.request.method", "http.method") == null) {
                    return; // a server span but not HTTP (gRPC, a queue consumer): no exchange
                }
                try {
                    Exchange exchange = serverExchange(span, attributes, traceId, service);
                    servers.add(new ServerSpan(ordinal, key, exchange, null));
                } catch (BadRecord e) {
                    servers.add(new ServerSpan(ordinal, key, null, new ReadRecord.Rejected(new Position(ordinal, line),
                            e.reason() + " (span " + (spanId == null ? at : spanId) + ")", Texts.capRaw(span.toString()))));
                } catch (RuntimeException e) {
                    servers.add(new ServerSpan(ordinal, key, null, new ReadRecord.Rejected(new Position(ordinal, line),
                            Texts.unexpected(e), Texts.capRaw(span.toString()))));
                }
                return;
            }
            if (key == null || parentKey == null || (kind != KIND_CLIENT && kind != KIND_INTERNAL && kind != 0)) {
                return;
            }
            DownstreamCall call = null;
            if (kind == KIND_CLIENT) {
                try {
                    call = clientCall(span, attributes, spanId);
                } catch (RuntimeException e) {
                    call = null; // a client span we cannot read is a call we cannot show, not a record
                }
                if (call == null) {
                    return;
                }
            }
            pending.put(key, new Pending(parentKey, call, kind != KIND_CLIENT));
            children.computeIfAbsent(parentKey, k -> new ArrayList<>()).add(key);
        }

        /** The client calls beneath {@code serverKey}, through internal spans, taken out of the pending set. */
        private List<DownstreamCall> claim(String serverKey) {
            List<DownstreamCall> calls = new ArrayList<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(serverKey);
            while (!todo.isEmpty()) {
                List<String> kids = children.remove(todo.poll());
                if (kids == null) {
                    continue;
                }
                for (String kid : kids) {
                    Pending p = pending.remove(kid);
                    if (p == null) {
                        continue;
                    }
                    if (p.call() != null && calls.size() < MAX_CALLS) {
                        calls.add(p.call());
                    }
                    if (p.internal()) {
                        todo.add(kid);
                    }
                }
            }
            calls.sort(Comparator.comparing(DownstreamCall::ts));
            return calls;
        }

        private ReadRecord.Rejected reject(long ordinal, long line, String at, String reason) {
            return new ReadRecord.Rejected(new Position(ordinal, line), at + ": " + reason, "");
        }

        private String service(JsonNode batch) {
            JsonNode resource = batch.get("resource");
            if (resource != null && resource.isObject()) {
                String name = attr(attributes(resource.get("attributes")), "service.name");
                if (name != null) {
                    return name;
                }
            }
            return context.service();
        }

        private Exchange serverExchange(JsonNode span, Map<String, JsonNode> a, String traceId, String service) {
            if (traceId == null) {
                throw new BadRecord("traceId", "expected 32 hex digits (or base64 of 16 bytes), was "
                        + Json.show(field(span, "traceId", "trace_id")));
            }
            Instant start = nanos(field(span, "startTimeUnixNano", "start_time_unix_nano"), "startTimeUnixNano");
            Long durationMs = duration(span, start);
            String method = method(a);
            Urls.Target target = target(a);
            int status = Http.status(textNode(a, "http.response.status_code", "http.status_code"),
                    a.containsKey("http.response.status_code") || !a.containsKey("http.status_code")
                            ? "http.response.status_code" : "http.status_code");

            Map<String, String> requestHeaders = new LinkedHashMap<>();
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : a.entrySet()) {
                if (e.getKey().startsWith("http.request.header.")) {
                    putHeader(requestHeaders, e.getKey().substring(20), e.getValue());
                } else if (e.getKey().startsWith("http.response.header.")) {
                    putHeader(responseHeaders, e.getKey().substring(21), e.getValue());
                }
            }
            String userAgent = attr(a, "user_agent.original", "http.user_agent");
            if (userAgent != null) {
                requestHeaders.putIfAbsent("user-agent", userAgent);
            }
            String host = attr(a, "http.host");
            if (host == null && target.host() != null) {
                host = target.host();
            }
            if (host != null) {
                requestHeaders.putIfAbsent("host", host);
            }
            return Exchange.builder(start, method, target.path())
                    .service(service)
                    .query(target.query())
                    .requestHeaders(requestHeaders.isEmpty() ? null : requestHeaders)
                    .status(status)
                    .responseHeaders(responseHeaders.isEmpty() ? null : responseHeaders)
                    .durationMs(durationMs)
                    .sessionId(attr(a, "session.id"))
                    .userId(attr(a, "enduser.id"))
                    .traceId(traceId)
                    .clientIp(attr(a, "client.address", "http.client_ip", "net.sock.peer.addr", "net.peer.ip"))
                    .build();
        }

        private DownstreamCall clientCall(JsonNode span, Map<String, JsonNode> a, String spanId) {
            if (attr(a, "http.request.method", "http.method") == null) {
                return null; // a database or messaging client, not HTTP
            }
            String method = method(a);
            String url = attr(a, "url.full", "http.url");
            String peer = attr(a, "server.address", "net.peer.name", "http.host");
            if (url == null) {
                String path = attr(a, "url.path", "http.target");
                if (peer == null && path == null) {
                    return null;
                }
                String port = attr(a, "server.port", "net.peer.port");
                String scheme = attr(a, "url.scheme", "http.scheme");
                url = (peer == null ? "" : (scheme == null ? "http" : scheme) + "://" + peer + (port == null ? "" : ":" + port))
                        + (path == null ? "/" : path);
            }
            int status = 0;
            JsonNode statusNode = textNode(a, "http.response.status_code", "http.status_code");
            if (statusNode != null) {
                try {
                    status = Http.status(statusNode, "http.response.status_code");
                } catch (BadRecord e) {
                    status = 0;
                }
            }
            Instant start = nanos(field(span, "startTimeUnixNano", "start_time_unix_nano"), "startTimeUnixNano");
            String peerService = attr(a, "peer.service");
            return new DownstreamCall(start, method, url, status, duration(span, start), spanId,
                    peerService != null ? peerService : peer);
        }

        private static String method(Map<String, JsonNode> a) {
            String method = attr(a, "http.request.method", "http.method");
            if ("_OTHER".equals(method)) {
                String original = attr(a, "http.request.method_original");
                method = original != null ? original : method;
            }
            return Http.method(method, a.containsKey("http.request.method") ? "http.request.method" : "http.method");
        }

        private static Urls.Target target(Map<String, JsonNode> a) {
            String path = attr(a, "url.path");
            if (path != null) {
                Urls.Target parsed = Urls.parse(path, "url.path");
                String query = attr(a, "url.query");
                return new Urls.Target(null, null, parsed.path(), query != null ? Urls.query(query) : parsed.query());
            }
            String target = attr(a, "http.target");
            if (target != null) {
                return Urls.parse(target, "http.target");
            }
            String url = attr(a, "url.full", "http.url");
            if (url != null) {
                return Urls.parse(url, a.containsKey("url.full") ? "url.full" : "http.url");
            }
            throw new BadRecord("url.path", "missing (and so are http.target, url.full and http.url)");
        }

        private static Long duration(JsonNode span, Instant start) {
            JsonNode endNode = field(span, "endTimeUnixNano", "end_time_unix_nano");
            if (Json.absent(endNode)) {
                return null;
            }
            Instant end = nanos(endNode, "endTimeUnixNano");
            long nanos = java.time.Duration.between(start, end).toNanos();
            return nanos < 0 ? null : (nanos + 500_000) / 1_000_000;
        }

        private static void putHeader(Map<String, String> headers, String name, JsonNode value) {
            String text = attrText(value);
            if (text != null && !name.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), text);
            }
        }
    }

    private record ServerSpan(long ordinal, String key, Exchange exchange, ReadRecord.Rejected problem) {
    }

    /** A field under its proto JSON name or its original snake_case name (both are valid OTLP/JSON). */
    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.get(camel);
        return value != null ? value : node.get(snake);
    }

    /** Span kind as the enum's number or name. */
    static int kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0 && node.intValue() <= 5) {
            return node.intValue();
        }
        if (node.isTextual()) {
            String name = node.textValue().toUpperCase(Locale.ROOT);
            name = name.startsWith("SPAN_KIND_") ? name.substring(10) : name;
            switch (name) {
                case "UNSPECIFIED": return 0;
                case "INTERNAL": return 1;
                case "SERVER": return 2;
                case "CLIENT": return 3;
                case "PRODUCER": return 4;
                case "CONSUMER": return 5;
                default: break;
            }
        }
        throw new BadRecord("kind", "expected a span kind (0-5 or SPAN_KIND_SERVER ...), was " + Json.show(node));
    }

    /** A trace or span id as lower-case hex, from hex or base64; {@code null} when absent, invalid or all zero. */
    static String id(JsonNode node, int bytes) {
        if (node == null || !node.isTextual() || node.textValue().isEmpty()) {
            return null;
        }
        String text = node.textValue();
        String hex = null;
        if (text.length() == bytes * 2 && text.chars().allMatch(c -> Urls.hex((char) c) >= 0)) {
            hex = text.toLowerCase(Locale.ROOT);
        } else if (text.length() <= bytes * 2) {
            try {
                byte[] decoded = Base64.getDecoder().decode(text);
                hex = decoded.length == bytes ? HexFormat.of().formatHex(decoded) : null;
            } catch (IllegalArgumentException e) {
                hex = null;
            }
        }
        return hex == null || hex.chars().allMatch(c -> c == '0') ? null : hex;
    }

    /** Nanoseconds since 1970 (a string, as OTLP/JSON writes uint64, or a number). */
    static Instant nanos(JsonNode node, String field) {
        if (Json.absent(node)) {
            throw new BadRecord(field, "missing");
        }
        String text = node.isTextual() ? node.textValue() : node.isIntegralNumber() ? node.asText() : null;
        if (text == null || text.isEmpty() || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
            throw new BadRecord(field, "expected nanoseconds since 1970, was " + Json.show(node));
        }
        long nanos = Long.parseLong(text);
        if (nanos <= 0) {
            throw new BadRecord(field, "expected nanoseconds since 1970, was " + Json.show(node) + " (unset)");
        }
        return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    }

    /** {@code [{key, value: {stringValue: ...}}]} as a map from key to the value object. */
    static Map<String, JsonNode> attributes(JsonNode list) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        if (list == null || !list.isArray()) {
            return map;
        }
        for (JsonNode attribute : list) {
            if (attribute.isObject() && attribute.path("key").isTextual()) {
                map.putIfAbsent(attribute.get("key").textValue(), attribute.get("value"));
            }
        }
        return map;
    }

    /** The first present attribute among {@code keys}, as text. */
    static String attr(Map<String, JsonNode> attributes, String... keys) {
        for (String key : keys) {
            String text = attrText(attributes.get(key));
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** The first present attribute among {@code keys} as a plain JSON scalar, for typed checks. */
    private static JsonNode textNode(Map<String, JsonNode> attributes, String... keys) {
        for (String key : keys) {
            JsonNode value = attributes.get(key);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                for (String type : List.of("intValue", "stringValue", "doubleValue", "int_value", "string_value")) {
                    if (value.has(type)) {
                        return value.get(type);
                    }
                }
                return value;
            }
            return value;
        }
        return null;
    }

    /** An AnyValue ({@code {"stringValue": ...}}, {@code {"intValue": ...}}, arrays...) as text; {@code null} when empty. */
    static String attrText(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            return value.isContainerNode() ? null : value.asText(); // a bare scalar: not OTLP, but plain enough
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "stringValue", "string_value", "intValue", "int_value", "doubleValue", "double_value",
                     "boolValue", "bool_value", "bytesValue", "bytes_value" -> {
                    return v.isContainerNode() || v.isNull() ? null : v.asText();
                }
                case "arrayValue", "array_value" -> {
                    JsonNode values = v.get("values");
                    if (values == null || !values.isArray()) {
                        return null;
                    }
                    StringBuilder joined = new StringBuilder();
                    for (JsonNode item : values) {
                        String text = attrText(item);
                        if (text != null) {
                            joined.append(joined.isEmpty() ? "" : ", ").append(text);
                        }
                    }
                    return joined.toString();
                }
                default -> {
                    // kvlistValue and unknown types: no text form worth keeping
                }
            }
        }
        return null;
    }
}
