package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.Exchange;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jsonl}: the canonical exchange, one JSON object a line (SPEC §3), as the sample services
 * and {@code prod2test record} write it.
 *
 * <p>Read field by field rather than bound by Jackson, for two reasons: every wrong field gets a
 * reason that names it and shows the value ({@code field 'status': expected an HTTP status
 * 100-599, was "abc"}), and {@code ts} accepts every {@link Timestamps} style, so that a
 * hand-converted log with epoch millis or local times still reads. Unknown fields are ignored,
 * as {@link io.prod2test.api.ExchangeJson} does.
 */
public final class JsonlFormat implements LogFormat {
    private static final BigDecimal ONE = BigDecimal.ONE;

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public double sniff(byte[] head, String fileName) {
        String partial = Sniffing.partialFirstLine(head);
        if (partial != null) {
            return partial.startsWith("{") && partial.contains("\"ts\"") && partial.contains("\"method\"")
                    && partial.contains("\"path\"") ? 0.8 : 0;
        }
        double share = Sniffing.share(Sniffing.lines(head), line -> {
            JsonNode node = Json.object(line);
            return node.has("ts") && node.has("method") && node.has("path");
        });
        return share * 0.95;
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) {
        return LineRecordReader.exchanges(in, context, text -> exchange(Json.object(text), context));
    }

    /**
     * A reader that hands each good line on as {@link ReadRecord.Unread}, for a caller that reads
     * the lines itself ({@link #read}) on other threads; lines that are not text are rejected here.
     */
    public static RecordReader openUnread(InputStream in, ReadContext context) {
        return new LineRecordReader(in, context) {
            @Override
            protected ReadRecord parse(String text, Position position) {
                return new ReadRecord.Unread(position, text);
            }
        };
    }

    /** Reads a line of the canonical format, as {@link #open} would have. */
    public static ReadRecord read(Position position, String text, ReadContext context) {
        try {
            return new ReadRecord.Parsed(position, exchange(Json.object(text), context), List.of());
        } catch (BadRecord e) {
            return new ReadRecord.Rejected(position, e.reason(), Texts.capRaw(text));
        } catch (RuntimeException e) {
            return new ReadRecord.Rejected(position, Texts.unexpected(e), Texts.capRaw(text));
        }
    }

    /** One canonical object as an exchange; {@link BadRecord} names the first wrong field. */
    static Exchange exchange(ObjectNode node, ReadContext context) {
        JsonNode tsNode = node.get("ts");
        if (Json.absent(tsNode)) {
            throw new BadRecord("ts", "missing: an exchange must say when it happened");
        }
        Instant ts = Json.instant(tsNode, "ts", context.defaultZone());
        String method = Http.method(Json.text(node.get("method"), "method"), "method");
        String path = Json.text(node.get("path"), "path");
        if (path == null) {
            throw new BadRecord("path", "missing");
        }
        if (!path.startsWith("/")) {
            throw new BadRecord("path", "expected a path starting with '/', was " + Texts.quote(path));
        }
        Exchange.Builder b = Exchange.builder(ts, method, path)
                .status(Http.status(node.get("status"), "status"))
                .service(orDefault(Json.text(node.get("service"), "service"), context.service()))
                .query(query(node.get("query")))
                .requestHeaders(Json.headers(node.get("requestHeaders"), "requestHeaders"))
                .requestBody(body(node.get("requestBody")))
                .responseHeaders(Json.headers(node.get("responseHeaders"), "responseHeaders"))
                .responseBody(body(node.get("responseBody")))
                .sessionId(Json.text(node.get("sessionId"), "sessionId"))
                .userId(Json.text(node.get("userId"), "userId"))
                .traceId(Json.text(node.get("traceId"), "traceId"))
                .clientIp(Json.text(node.get("clientIp"), "clientIp"));
        JsonNode duration = node.get("durationMs");
        if (!Json.absent(duration)) {
            b.durationMs(Json.millis(Json.decimal(duration, "durationMs"), ONE, "durationMs"));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            // the record's own rules start with the field's name ("status must be ...")
            throw new BadRecord(e.getMessage());
        }
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static JsonNode body(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static Map<String, List<String>> query(JsonNode node) {
        if (Json.absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw new BadRecord("query", "expected an object of parameter names and value lists, was " + Json.kind(node));
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> values = new ArrayList<>();
            String field = "query." + e.getKey();
            if (e.getValue().isArray()) {
                for (JsonNode item : e.getValue()) {
                    if (item.isContainerNode()) {
                        throw new BadRecord(field, "expected a list of strings, found " + Json.kind(item) + " in it");
                    }
                    values.add(item.isNull() ? "" : item.asText());
                }
            } else if (e.getValue().isObject()) {
                throw new BadRecord(field, "expected a list of strings, was an object");
            } else if (!e.getValue().isNull()) {
                values.add(e.getValue().asText()); // a single value written without its list
            }
            query.put(e.getKey(), values);
        }
        return query; // {} stays {}, as the canonical codec keeps it
    }
}
