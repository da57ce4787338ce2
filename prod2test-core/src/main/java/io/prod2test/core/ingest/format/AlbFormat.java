package io.prod2test.core.ingest.format;

import io.prod2test.api.Exchange;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code alb}: AWS Application Load Balancer access logs, one entry a line, fields separated by
 * spaces, those that may hold spaces in double quotes. The fields, in AWS's documented order:
 * {@code type time elb client:port target:port request_processing_time target_processing_time
 * response_processing_time elb_status_code target_status_code received_bytes sent_bytes "request"
 * "user_agent" ssl_cipher ssl_protocol target_group_arn "trace_id" "domain_name" "chosen_cert_arn"
 * matched_rule_priority request_creation_time "actions_executed" ...}; fields AWS adds later are
 * ignored.
 *
 * <p>Maps: ts from {@code request_creation_time} (when the request arrived) or, in entries
 * without it, {@code time}; method, path and query from the request's URL, its host to the
 * {@code host} header; status from {@code elb_status_code} (what the client got); durationMs
 * from the sum of the three processing times, absent when one is {@code -1} (the load balancer
 * could not reach the target or the client went away, so there is no full measurement); clientIp
 * from {@code client:port}; the user agent and {@code X-Amzn-Trace-Id} as request headers, and
 * the trace id's X-Ray root converted to a W3C trace id ({@code 1-5f84c7a9-...} becomes the 8 + 24
 * hex digits, as X-Ray does itself). No bodies: the load balancer does not log them.
 */
public final class AlbFormat implements LogFormat {
    private static final String[] NAMES = {"type", "time", "elb", "client:port", "target:port", "request_processing_time",
        "target_processing_time", "response_processing_time", "elb_status_code", "target_status_code", "received_bytes",
        "sent_bytes", "request", "user_agent", "ssl_cipher", "ssl_protocol", "target_group_arn", "trace_id",
        "domain_name", "chosen_cert_arn", "matched_rule_priority", "request_creation_time", "actions_executed"};
    private static final Set<String> TYPES = Set.of("http", "https", "h2", "grpcs", "ws", "wss");
    private static final Pattern SECONDS = Pattern.compile("-1|\\d{1,9}(?:\\.\\d{1,9})?");
    private static final Pattern XRAY_ROOT = Pattern.compile("Root=1-([0-9a-fA-F]{8})-([0-9a-fA-F]{24})(?![0-9a-fA-F])");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    @Override
    public String name() {
        return "alb";
    }

    @Override
    public double sniff(byte[] head, String fileName) {
        ReadContext context = new ReadContext(fileName == null ? "<sniff>" : fileName, null, null);
        return 0.95 * Sniffing.share(Sniffing.lines(head), line -> exchange(line, context) != null);
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) {
        return LineRecordReader.exchanges(in, context, text -> exchange(text, context));
    }

    static Exchange exchange(String line, ReadContext context) {
        List<Fields.Field> f = Fields.split(line, false, NAMES);
        // every ALB log since the first has these 18 fields (to trace_id); fewer means a cut line
        if (f.size() < 18) {
            throw new BadRecord("expected an ALB access log entry (type time elb client:port target:port ... \"request\" ...), found "
                    + f.size() + " field" + (f.size() == 1 ? "" : "s") + " of at least 18");
        }
        String type = f.get(0).text();
        if (!TYPES.contains(type)) {
            throw new BadRecord("type", "expected one of http, https, h2, grpcs, ws, wss, was " + Texts.quote(type));
        }
        Instant ts = time(f.get(1).text(), "time", context);
        if (f.size() > 21 && Texts.orNull(f.get(21).text()) != null) {
            ts = time(f.get(21).text(), "request_creation_time", context);
        }
        String client = f.get(3).text();
        Long durationMs = duration(f.get(5).text(), f.get(6).text(), f.get(7).text());
        String elbStatus = f.get(8).text();
        if (elbStatus.equals("-")) {
            throw new BadRecord("elb_status_code", "no response was sent to the client ('-')");
        }
        int status = Http.status(elbStatus, "elb_status_code");
        if (!f.get(12).quoted()) {
            throw new BadRecord("request", "expected a quoted request line, was " + Texts.quote(f.get(12).text()));
        }
        RequestLine request = RequestLine.parse(f.get(12).text(), "request");
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.target().host() != null) {
            headers.put("host", withoutDefaultPort(request.target().scheme(), request.target().host()));
        }
        if (Texts.orNull(f.get(13).text()) != null) {
            headers.put("user-agent", f.get(13).text());
        }
        String traceId = null;
        if (Texts.orNull(f.get(17).text()) != null) {
            String amznTrace = f.get(17).text();
            headers.put("x-amzn-trace-id", amznTrace);
            traceId = xrayToW3c(amznTrace);
        }
        return Exchange.builder(ts, request.method(), request.target().path())
                .service(context.service())
                .query(request.target().query())
                .requestHeaders(headers.isEmpty() ? null : headers)
                .status(status)
                .durationMs(durationMs)
                .traceId(traceId)
                .clientIp(clientIp(client))
                .build();
    }

    private static Instant time(String text, String field, ReadContext context) {
        try {
            return Timestamps.parse(text, context.defaultZone());
        } catch (IllegalArgumentException e) {
            throw new BadRecord(field, e.getMessage());
        }
    }

    private static Long duration(String request, String target, String response) {
        String[] values = {request, target, response};
        BigDecimal total = BigDecimal.ZERO;
        boolean complete = true;
        for (int i = 0; i < 3; i++) {
            if (!SECONDS.matcher(values[i]).matches()) {
                throw new BadRecord(NAMES[5 + i], "expected seconds such as 0.001 or -1, was " + Texts.quote(values[i]));
            }
            if (values[i].equals("-1")) {
                complete = false;
            } else {
                total = total.add(new BigDecimal(values[i]));
            }
        }
        return complete ? Json.millis(total, THOUSAND, "request_processing_time") : null;
    }

    /** {@code 192.0.2.1:2817} or {@code [2001:db8::1]:2817}; {@code -} is absent. */
    private static String clientIp(String clientPort) {
        if (Texts.orNull(clientPort) == null) {
            return null;
        }
        if (clientPort.startsWith("[")) {
            int close = clientPort.indexOf(']');
            return close > 1 ? clientPort.substring(1, close) : clientPort;
        }
        int colon = clientPort.lastIndexOf(':');
        if (colon > 0 && clientPort.indexOf(':') == colon) {
            return clientPort.substring(0, colon); // IPv4 with port
        }
        if (colon > 0 && clientPort.indexOf(':') != colon) {
            return clientPort.substring(0, colon); // IPv6 written without brackets: the last part is the port
        }
        return clientPort;
    }

    private static String withoutDefaultPort(String scheme, String host) {
        if (("http".equals(scheme) || "ws".equals(scheme)) && host.endsWith(":80")) {
            return host.substring(0, host.length() - 3);
        }
        if (("https".equals(scheme) || "wss".equals(scheme)) && host.endsWith(":443")) {
            return host.substring(0, host.length() - 4);
        }
        return host;
    }

    /** The W3C trace id of an X-Ray {@code Root=1-<8 hex>-<24 hex>}, as X-Ray maps them; {@code null} otherwise. */
    static String xrayToW3c(String amznTraceId) {
        int at = amznTraceId.indexOf("Root=1-");
        if (at < 0) {
            return null;
        }
        Matcher m = XRAY_ROOT.matcher(amznTraceId).region(at, amznTraceId.length());
        return m.lookingAt() ? Http.traceId(m.group(1) + m.group(2)) : null;
    }
}
