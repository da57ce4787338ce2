package io.prod2test.core.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.Exchange;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code nginx-json}: nginx access logs written with a JSON {@code log_format}, one object a line,
 * the keys named after the nginx variables they hold (the usual practice):
 *
 * <pre>
 * log_format json escape=json '{"time_iso8601":"$time_iso8601","remote_addr":"$remote_addr",'
 *     '"remote_user":"$remote_user","request":"$request","status":$status,'
 *     '"request_time":$request_time,"http_user_agent":"$http_user_agent",'
 *     '"http_content_type":"$http_content_type","request_body":"$request_body"}';
 * </pre>
 *
 * <p>Maps: ts from {@code time_iso8601}, {@code time_local}, {@code msec}, {@code @timestamp},
 * {@code timestamp} or {@code time}; method, path and query from {@code request} (the request
 * line) or from {@code request_method} with {@code request_uri}, or {@code uri} with {@code args};
 * status from {@code status} (number or string); durationMs from {@code request_time} (seconds);
 * clientIp from the first address of {@code http_x_forwarded_for}, else {@code remote_addr};
 * userId from {@code remote_user}; every {@code http_*} key to a request header and every
 * {@code sent_http_*} key to a response header ({@code http_x_request_id} becomes
 * {@code x-request-id}, as nginx names them); {@code request_body} and, where a module logs it,
 * {@code response_body} / {@code resp_body} to the bodies (JSON when they are JSON); traceId from
 * {@code otel_trace_id} or {@code trace_id}, else from a {@code traceparent} header; service from
 * a {@code service} key, else {@code --service}. Values nginx writes for "none" ({@code ""},
 * {@code "-"}) are absent.
 *
 * <p>Without {@code escape=json}, nginx escapes a quote as {@code \x22} and other bytes as
 * {@code \xHH}, which is not JSON; such lines are repaired (the escapes decoded as UTF-8) before
 * they are read, since that is how most such configurations start out.
 */
public final class NginxJsonFormat implements LogFormat {
    private static final String[] TIME_FIELDS = {"time_iso8601", "time_local", "msec", "@timestamp", "timestamp", "time"};
    private static final Set<String> NGINX_FIELDS = Set.of("time_local", "time_iso8601", "msec", "request", "request_method",
            "request_uri", "uri", "remote_addr", "http_user_agent", "body_bytes_sent", "bytes_sent", "request_time",
            "http_referer", "http_referrer", "request_body", "upstream_response_time", "http_host", "server_name");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    @Override
    public String name() {
        return "nginx-json";
    }

    @Override
    public double sniff(byte[] head, String fileName) {
        String partial = Sniffing.partialFirstLine(head);
        if (partial != null) {
            // one line longer than the head: judged by the keys it shows (quoted, as keys are)
            boolean canonical = partial.contains("\"ts\"") && partial.contains("\"method\"") && partial.contains("\"path\"");
            long nginx = NGINX_FIELDS.stream().filter(name -> partial.contains("\"" + name + "\"")).count();
            return partial.startsWith("{") && !canonical && nginx >= 2 && partial.contains("\"status\"") ? 0.75 : 0;
        }
        return 0.9 * Sniffing.share(Sniffing.lines(head), line -> {
            ObjectNode node = object(line);
            if (node.has("ts") && node.has("method") && node.has("path")) {
                return false; // the canonical format
            }
            int nginx = 0;
            for (String name : NGINX_FIELDS) {
                nginx += node.has(name) ? 1 : 0;
            }
            return nginx >= 2 && node.has("status");
        });
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) {
        return LineRecordReader.exchanges(in, context, text -> exchange(object(text), context));
    }

    /** The line as an object, repairing nginx's default {@code \xHH} escaping if plain JSON fails. */
    static ObjectNode object(String line) {
        try {
            return Json.object(line);
        } catch (BadRecord e) {
            if (line.contains("\\x")) {
                try {
                    return Json.object(repairHexEscapes(line));
                } catch (BadRecord ignored) {
                    // report the original problem, not the repaired line's
                }
            }
            throw e;
        }
    }

    static Exchange exchange(ObjectNode node, ReadContext context) {
        String timeField = Json.firstPresent(node, TIME_FIELDS);
        if (timeField == null) {
            throw new BadRecord("time_iso8601", "missing (and so are time_local, msec, @timestamp, timestamp and time)");
        }
        Instant ts = Json.instant(node.get(timeField), timeField, context.defaultZone());

        String method;
        Urls.Target target;
        String requestLine = Json.text(node.get("request"), "request");
        if (requestLine != null) {
            RequestLine request = RequestLine.parse(requestLine, "request");
            method = request.method();
            target = request.target();
        } else {
            if (Json.absent(node.get("request_method"))) {
                throw new BadRecord("request", "missing (and so is request_method)");
            }
            method = Http.method(Json.text(node.get("request_method"), "request_method"), "request_method");
            String uri = Json.text(node.get("request_uri"), "request_uri");
            if (uri != null) {
                target = Urls.parse(uri, "request_uri");
            } else {
                String path = Json.text(node.get("uri"), "uri");
                if (path == null) {
                    throw new BadRecord("request_uri", "missing (and so is uri)");
                }
                Urls.Target parsed = Urls.parse(path, "uri");
                String args = Json.firstText(node, "args", "query_string");
                target = new Urls.Target(null, null, parsed.path(), args != null ? Urls.query(args) : parsed.query());
            }
        }
        int status = Http.status(node.get("status"), "status");

        Map<String, String> requestHeaders = new LinkedHashMap<>();
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith("http_") && key.length() > 5) {
                String value = Json.text(e.getValue(), e.getKey());
                if (value != null) {
                    String name = key.equals("http_referrer") ? "referer" : key.substring(5).replace('_', '-');
                    requestHeaders.put(name, value);
                }
            } else if (key.startsWith("sent_http_") && key.length() > 10) {
                String value = Json.text(e.getValue(), e.getKey());
                if (value != null) {
                    responseHeaders.put(key.substring(10).replace('_', '-'), value);
                }
            }
        }
        if (!requestHeaders.containsKey("host")) {
            String host = Json.text(node.get("host"), "host");
            if (host == null && target.host() != null) {
                host = target.host();
            }
            if (host != null) {
                requestHeaders.put("host", host);
            }
        }
        String contentType = Json.firstText(node, "content_type", "http_content_type");
        if (contentType != null) {
            requestHeaders.putIfAbsent("content-type", contentType);
        }

        Long durationMs = null;
        JsonNode requestTime = node.get("request_time");
        if (!Json.absent(requestTime)) {
            durationMs = Json.millis(Json.decimal(requestTime, "request_time"), THOUSAND, "request_time");
        }
        String traceId = traceId(node, requestHeaders.get("traceparent"));

        return Exchange.builder(ts, method, target.path())
                .service(firstNonNull(Json.text(node.get("service"), "service"), context.service()))
                .query(target.query())
                .requestHeaders(requestHeaders.isEmpty() ? null : requestHeaders)
                .requestBody(Bodies.of(Json.text(node.get("request_body"), "request_body"), contentType))
                .status(status)
                .responseHeaders(responseHeaders.isEmpty() ? null : responseHeaders)
                .responseBody(Bodies.of(Json.firstText(node, "response_body", "resp_body"), responseHeaders.get("content-type")))
                .durationMs(durationMs)
                .userId(Json.text(node.get("remote_user"), "remote_user"))
                .traceId(traceId)
                .clientIp(clientIp(node))
                .build();
    }

    private static String traceId(ObjectNode node, String traceparent) {
        String field = Json.firstPresent(node, "otel_trace_id", "trace_id");
        if (field != null) {
            String id = Http.traceId(Json.text(node.get(field), field));
            if (id == null) {
                throw new BadRecord(field, "expected a trace id of 32 hex digits, was " + Json.show(node.get(field)));
            }
            return id;
        }
        return Http.traceIdOfTraceparent(traceparent);
    }

    private static String clientIp(ObjectNode node) {
        String forwarded = Json.text(node.get("http_x_forwarded_for"), "http_x_forwarded_for");
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0].strip();
            if (!first.isEmpty() && !first.equals("-")) {
                return first;
            }
        }
        return Json.text(node.get("remote_addr"), "remote_addr");
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /**
     * Rewrites nginx's {@code \xHH} escapes as JSON: runs of them are bytes, decoded as UTF-8 and
     * written as JSON string content. Other backslash pairs are kept as they are.
     */
    static String repairHexEscapes(String line) {
        StringBuilder out = new StringBuilder(line.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\' && i + 3 < line.length() && line.charAt(i + 1) == 'x'
                    && Urls.hex(line.charAt(i + 2)) >= 0 && Urls.hex(line.charAt(i + 3)) >= 0) {
                bytes.write(Urls.hex(line.charAt(i + 2)) * 16 + Urls.hex(line.charAt(i + 3)));
                i += 4;
                continue;
            }
            flushEscaped(bytes, out);
            if (c == '\\' && i + 1 < line.length()) {
                out.append(c).append(line.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        flushEscaped(bytes, out);
        return out.toString();
    }

    private static void flushEscaped(ByteArrayOutputStream bytes, StringBuilder out) {
        if (bytes.size() == 0) {
            return;
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }
}
