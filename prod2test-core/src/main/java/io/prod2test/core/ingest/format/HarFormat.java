package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.Exchange;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code har}: HTTP Archive 1.2 files as browsers' developer tools, proxies (Charles, mitmproxy,
 * Fiddler) and API clients (Insomnia, Postman) export them.
 *
 * <p>Streams: a HAR is one JSON document, often hundreds of megabytes of base64 bodies, so the
 * reader walks the document with Jackson's streaming parser to {@code log.entries} and builds one
 * entry at a time. A UTF-8 byte-order mark is skipped. A file cut short (a browser that crashed
 * mid-export, a copy that stopped) yields every entry before the cut, then exactly one rejection
 * naming the entry that is cut and where the text ends; nothing after a syntax error can be read.
 * Ordinals are entry numbers; positions carry the line the entry starts on.
 *
 * <p>Maps: ts from {@code startedDateTime}; method and URL (path, query, the host as the
 * {@code host} header); request and response headers (HTTP/2 pseudo-headers such as
 * {@code :path} are dropped, {@code :authority} becomes {@code host}); {@code postData.text} (or
 * its form {@code params}) as the request body; {@code response.content.text} as the response
 * body, base64 decoded when the content is text (binary content such as images is left out);
 * durationMs from the entry's {@code time} (the total of its timings); traceId from a
 * {@code traceparent} header. Service: {@code --service}, else the URL's host, since one browser
 * capture spans many hosts. HAR does not know the client's IP, so clientIp stays absent. An entry
 * whose response status is 0 (the browser got no response: blocked, offline, cancelled) is
 * rejected, as a canonical exchange needs a status.
 */
public final class HarFormat implements LogFormat {

    @Override
    public String name() {
        return "har";
    }

    @Override
    public double sniff(byte[] head, String fileName) {
        String text = Sniffing.text(head, 4096);
        if (!text.startsWith("{")) {
            return 0;
        }
        boolean named = Sniffing.name(fileName).endsWith(".har");
        boolean log = text.contains("\"log\"");
        boolean harFields = text.contains("\"entries\"") || text.contains("\"creator\"") || text.contains("\"startedDateTime\"");
        if (log && harFields) {
            return 0.95;
        }
        return named ? 0.7 : 0;
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) throws IOException {
        return new Reader(in, context);
    }

    private enum State { START, ENTRIES, AFTER, DONE }

    private static final class Reader implements RecordReader {
        private final InputStream in;
        private final ReadContext context;
        private JsonParser parser;
        private State state = State.START;
        private long entries;

        Reader(InputStream in, ReadContext context) {
            this.in = in;
            this.context = context;
        }

        @Override
        public ReadRecord next() throws IOException {
            while (true) {
                switch (state) {
                    case START -> {
                        ReadRecord problem = findEntries();
                        if (problem != null || state == State.DONE) {
                            state = State.DONE;
                            return problem;
                        }
                    }
                    case ENTRIES -> {
                        ReadRecord record = nextEntry();
                        if (record != null) {
                            return record;
                        }
                    }
                    case AFTER -> {
                        state = State.DONE;
                        ReadRecord problem = rest();
                        if (problem != null) {
                            return problem;
                        }
                    }
                    case DONE -> {
                        return null;
                    }
                }
            }
        }

        /** Walks to the first entry; a rejection when the document is not a HAR, null otherwise. */
        private ReadRecord findEntries() throws IOException {
            try {
                // made here, not in open(): Jackson already reads the first bytes to guess the encoding, and may refuse them
                parser = Json.MAPPER.createParser(in);
                JsonToken token = parser.nextToken();
                if (token == null) {
                    state = State.DONE; // an empty file holds no entries
                    return null;
                }
                if (token != JsonToken.START_OBJECT) {
                    return reject(1, "not a HAR file: expected a JSON object with a 'log' field, found " + describe(token));
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (!"log".equals(name)) {
                        parser.skipChildren();
                        continue;
                    }
                    if (value != JsonToken.START_OBJECT) {
                        return reject(1, "field 'log': expected an object holding 'entries', was " + describe(value));
                    }
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String logField = parser.currentName();
                        JsonToken logValue = parser.nextToken();
                        if (!"entries".equals(logField)) {
                            parser.skipChildren();
                            continue;
                        }
                        if (logValue != JsonToken.START_ARRAY) {
                            return reject(1, "field 'log.entries': expected an array of entries, was " + describe(logValue));
                        }
                        state = State.ENTRIES;
                        return null;
                    }
                    return reject(1, "field 'log.entries' is missing: the HAR holds no entries array");
                }
                return reject(1, "field 'log' is missing: not a HAR file");
            } catch (JsonProcessingException | CharConversionException | RuntimeException e) {
                return reject(1, "not a HAR file: " + where(e));
            }
        }

        private ReadRecord nextEntry() throws IOException {
            long line = 0;
            try {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    state = State.AFTER;
                    return null;
                }
                if (token == null) {
                    state = State.DONE;
                    return new ReadRecord.Rejected(new Position(entries + 1, 0), "the file is cut after entry " + entries
                            + ": the entries array is not closed; " + read(entries), "");
                }
                entries++;
                line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    return new ReadRecord.Rejected(position(line), "entry " + entries + ": expected an object, was "
                            + describe(token), "");
                }
                JsonNode entry = parser.readValueAsTree();
                try {
                    return new ReadRecord.Parsed(position(line), exchange(entry, context), List.of());
                } catch (BadRecord e) {
                    return new ReadRecord.Rejected(position(line), e.reason(), Texts.capRaw(entry.toString()));
                } catch (RuntimeException e) {
                    return new ReadRecord.Rejected(position(line), Texts.unexpected(e), Texts.capRaw(entry.toString()));
                }
            } catch (JsonProcessingException | CharConversionException | RuntimeException e) {
                // RuntimeException: Jackson's NumberFormatException for 1e99999999999; the exchange's own errors are caught above
                state = State.DONE;
                if (line == 0) {
                    // the cut (or the error) is between two entries
                    String problem = endOfInput(e) ? "the file is cut after entry " + entries + ": the entries array is not closed; "
                            + read(entries) : "the file is broken after entry " + entries + ": " + where(e) + "; " + read(entries)
                            + ", nothing after it can be read";
                    return new ReadRecord.Rejected(new Position(entries + 1, 0), problem, "");
                }
                return new ReadRecord.Rejected(position(line), cut(e), "");
            }
        }

        /** Reads what follows the entries, so that a file cut after them is still reported. */
        private ReadRecord rest() throws IOException {
            try {
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
                return null;
            } catch (JsonProcessingException | CharConversionException | RuntimeException e) {
                return new ReadRecord.Rejected(new Position(entries + 1, 0), (endOfInput(e) ? "the file is cut after its entries: "
                        : "the file is broken after its entries: ") + where(e) + "; all " + entries + " entries were read", "");
            }
        }

        private String cut(Exception e) {
            String inside = pointer(parser.getParsingContext());
            if (endOfInput(e)) {
                return "entry " + entries + " is cut off: the file ends inside " + inside + " (line "
                        + parser.currentLocation().getLineNr() + "), before the entry is complete; " + read(entries - 1);
            }
            return "entry " + entries + " is not valid JSON inside " + inside + ": " + where(e) + "; " + read(entries - 1)
                    + ", nothing after it can be read";
        }

        private ReadRecord reject(long ordinal, String reason) {
            long line = parser == null ? 0 : parser.currentTokenLocation().getLineNr();
            return new ReadRecord.Rejected(new Position(ordinal, Math.max(0, line)), reason, "");
        }

        private Position position(long line) {
            return new Position(entries, Math.max(0, line));
        }
    }

    private static boolean endOfInput(Exception e) {
        return Json.endOfInput(e);
    }

    private static String read(long entries) {
        return entries == 1 ? "the 1 entry before it was read" : "the " + entries + " entries before it were read";
    }

    private static String where(Exception e) {
        return Json.describe(e).replaceFirst("^not valid JSON: ", "");
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** {@code log.entries[2].response.content} for the parser's context. */
    private static String pointer(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String part;
            if (c.inArray()) {
                part = "[" + Math.max(0, c.getCurrentIndex()) + "]";
            } else {
                part = c.getCurrentName() == null ? "" : "." + c.getCurrentName();
            }
            path.insert(0, part);
        }
        String text = path.toString();
        return text.startsWith(".") ? text.substring(1) : text.isEmpty() ? "the document" : text;
    }

    static Exchange exchange(JsonNode entry, ReadContext context) {
        JsonNode started = entry.get("startedDateTime");
        if (Json.absent(started)) {
            throw new BadRecord("startedDateTime", "missing");
        }
        Instant ts = Json.instant(started, "startedDateTime", context.defaultZone());
        JsonNode request = object(entry, "request", "request");
        JsonNode response = object(entry, "response", "response");
        String method = Http.method(Json.text(request.get("method"), "request.method"), "request.method");
        String url = Json.text(request.get("url"), "request.url");
        if (url == null) {
            throw new BadRecord("request.url", "missing");
        }
        Urls.Target target = Urls.parse(url, "request.url");

        Map<String, String> requestHeaders = headers(request.get("headers"), "request.headers");
        if (target.host() != null) {
            requestHeaders.putIfAbsent("host", target.host());
        }
        JsonNode status = response.get("status");
        if (status != null && status.isNumber() && status.asInt() == 0) {
            String error = Json.text(response.get("_error"), "response._error");
            throw new BadRecord("response.status", "0: the client got no response" + (error == null ? "" : " (" + error + ")"));
        }
        Map<String, String> responseHeaders = headers(response.get("headers"), "response.headers");

        Long durationMs = null;
        JsonNode time = entry.get("time");
        if (!Json.absent(time)) {
            BigDecimal total = Json.decimal(time, "time");
            if (total.signum() >= 0) {
                durationMs = Json.millis(total, BigDecimal.ONE, "time"); // -1 means "not known" in HAR
            }
        }
        String host = target.host() == null ? null : target.host().toLowerCase(Locale.ROOT);
        return Exchange.builder(ts, method, target.path())
                .service(context.service() != null ? context.service() : host)
                .query(target.query())
                .requestHeaders(requestHeaders.isEmpty() ? null : requestHeaders)
                .requestBody(requestBody(request.get("postData"), requestHeaders))
                .status(Http.status(status, "response.status"))
                .responseHeaders(responseHeaders.isEmpty() ? null : responseHeaders)
                .responseBody(responseBody(response.get("content"), responseHeaders))
                .durationMs(durationMs)
                .traceId(Http.traceIdOfTraceparent(requestHeaders.get("traceparent")))
                .build();
    }

    private static JsonNode object(JsonNode parent, String name, String field) {
        JsonNode node = parent.get(name);
        if (Json.absent(node)) {
            throw new BadRecord(field, "missing");
        }
        if (!node.isObject()) {
            throw new BadRecord(field, "expected an object, was " + Json.kind(node));
        }
        return node;
    }

    private static Map<String, String> headers(JsonNode list, String field) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (Json.absent(list)) {
            return headers;
        }
        if (!list.isArray()) {
            throw new BadRecord(field, "expected an array of {name, value}, was " + Json.kind(list));
        }
        String authority = null;
        int i = 0;
        for (JsonNode header : list) {
            String at = field + "[" + i++ + "]";
            if (!header.isObject()) {
                throw new BadRecord(at, "expected {name, value}, was " + Json.kind(header));
            }
            String name = Json.text(header.get("name"), at + ".name");
            if (name == null) {
                continue;
            }
            JsonNode valueNode = header.get("value");
            String value = valueNode == null || valueNode.isNull() ? "" : Json.text(valueNode, at + ".value");
            value = value == null ? valueNode.asText() : value; // "-" and "" are real header values here
            if (name.startsWith(":")) {
                if (name.equals(":authority")) {
                    authority = value;
                }
                continue; // HTTP/2 pseudo-headers repeat the request line
            }
            String key = name.toLowerCase(Locale.ROOT);
            headers.merge(key, value, (a, b) -> a + ", " + b);
        }
        if (authority != null) {
            headers.putIfAbsent("host", authority);
        }
        return headers;
    }

    private static JsonNode requestBody(JsonNode postData, Map<String, String> headers) {
        if (Json.absent(postData) || !postData.isObject()) {
            return null;
        }
        String mimeType = Json.text(postData.get("mimeType"), "request.postData.mimeType");
        String contentType = mimeType != null ? mimeType : headers.get("content-type");
        String text = Json.text(postData.get("text"), "request.postData.text");
        if (text != null) {
            return Bodies.of(text, contentType);
        }
        JsonNode params = postData.get("params");
        if (params != null && params.isArray() && !params.isEmpty()) {
            StringBuilder form = new StringBuilder();
            for (JsonNode param : params) {
                String name = Json.text(param.get("name"), "request.postData.params.name");
                if (name != null) {
                    String value = Json.text(param.get("value"), "request.postData.params.value");
                    form.append(form.isEmpty() ? "" : "&").append(name).append('=').append(value == null ? "" : value);
                }
            }
            return Bodies.of(form.toString(), contentType);
        }
        return null;
    }

    private static JsonNode responseBody(JsonNode content, Map<String, String> headers) {
        if (Json.absent(content) || !content.isObject()) {
            return null;
        }
        String mimeType = Json.text(content.get("mimeType"), "response.content.mimeType");
        String contentType = mimeType != null ? mimeType : headers.get("content-type");
        String text = Json.text(content.get("text"), "response.content.text");
        if (text == null) {
            return null;
        }
        String encoding = Json.text(content.get("encoding"), "response.content.encoding");
        if (encoding == null) {
            return Bodies.of(text, contentType);
        }
        if (!encoding.equalsIgnoreCase("base64")) {
            throw new BadRecord("response.content.encoding", "expected base64 or none, was " + Texts.quote(encoding));
        }
        if (!Bodies.isTextual(contentType)) {
            return null; // an image or other binary: no text to keep
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new BadRecord("response.content.text", "expected base64, " + e.getMessage());
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Bodies.of(decoded, contentType);
        } catch (CharacterCodingException e) {
            return null; // declared as text but is not UTF-8: not something a test can compare
        }
    }
}
