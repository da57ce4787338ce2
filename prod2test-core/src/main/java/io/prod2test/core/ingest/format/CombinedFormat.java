package io.prod2test.core.ingest.format;

import io.prod2test.api.Exchange;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code combined}: the Apache and nginx access log in the combined format
 * ({@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-agent}i"}) and its shorter common form
 * without the last two fields. Fields after the user agent (nginx's {@code $http_x_forwarded_for},
 * a response time) are ignored: their meaning depends on a configuration we do not see.
 *
 * <p>Maps: {@code %h} to clientIp, {@code %u} (the authenticated user) to userId, {@code %t} to
 * ts, the request line to method, path and query, {@code %>s} to status, referer and user agent
 * to request headers. A {@code -} is an absent field. No bodies, no duration: the format has none.
 * A request line that is not {@code METHOD target HTTP/x} ({@code -} for a client that sent
 * nothing, TLS bytes sent to a plain port, {@code OPTIONS *}) cannot be a canonical exchange and
 * is rejected with the reason.
 */
public final class CombinedFormat implements LogFormat {
    private static final String[] NAMES = {"remote_host", "ident", "remote_user", "time", "request", "status", "bytes",
        "referer", "user_agent"};

    @Override
    public String name() {
        return "combined";
    }

    @Override
    public double sniff(byte[] head, String fileName) {
        ReadContext context = new ReadContext(fileName == null ? "<sniff>" : fileName, null, null);
        return 0.9 * Sniffing.share(Sniffing.lines(head), line -> exchange(line, context) != null);
    }

    @Override
    public RecordReader open(InputStream in, ReadContext context) {
        return LineRecordReader.exchanges(in, context, text -> exchange(text, context));
    }

    static Exchange exchange(String line, ReadContext context) {
        List<Fields.Field> fields = Fields.split(line, true, NAMES);
        if (fields.size() < 7) {
            throw new BadRecord("expected the combined or common log format (host ident user [time] \"request\" "
                    + "status bytes \"referer\" \"user-agent\"), found " + fields.size() + " field" + (fields.size() == 1 ? "" : "s"));
        }
        if (!fields.get(3).bracketed()) {
            throw new BadRecord("time", "expected a [bracketed] time such as [10/Oct/2000:13:55:36 -0700], was "
                    + Texts.quote(fields.get(3).text()));
        }
        Instant ts;
        try {
            ts = Timestamps.parse(fields.get(3).text(), context.defaultZone());
        } catch (IllegalArgumentException e) {
            throw new BadRecord("time", e.getMessage());
        }
        if (!fields.get(4).quoted()) {
            throw new BadRecord("request", "expected a quoted request line, was " + Texts.quote(fields.get(4).text()));
        }
        RequestLine request = RequestLine.parse(fields.get(4).text(), "request");
        int status = Http.status(fields.get(5).text(), "status");
        String bytes = fields.get(6).text();
        if (!bytes.equals("-") && !(bytes.length() <= 19 && bytes.chars().allMatch(Character::isDigit))) {
            throw new BadRecord("bytes", "expected a byte count or '-', was " + Texts.quote(bytes));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (request.target().host() != null) {
            headers.put("host", request.target().host());
        }
        if (fields.size() >= 8) {
            quotedHeader(fields.get(7), "referer", headers);
        }
        if (fields.size() >= 9) {
            quotedHeader(fields.get(8), "user_agent", headers);
        }
        return Exchange.builder(ts, request.method(), request.target().path())
                .service(context.service())
                .query(request.target().query())
                .requestHeaders(headers.isEmpty() ? null : headers)
                .status(status)
                .clientIp(Texts.orNull(fields.get(0).text()))
                .userId(Texts.orNull(fields.get(2).text()))
                .build();
    }

    private static void quotedHeader(Fields.Field field, String name, Map<String, String> headers) {
        if (!field.quoted()) {
            throw new BadRecord(name, "expected a quoted value, was " + Texts.quote(field.text()));
        }
        String value = Texts.orNull(field.text());
        if (value != null) {
            headers.put(name.equals("user_agent") ? "user-agent" : name, value);
        }
    }
}
