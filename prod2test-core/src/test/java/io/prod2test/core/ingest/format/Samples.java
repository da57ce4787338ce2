package io.prod2test.core.ingest.format;

import java.util.List;

/** One valid line per line format, for the corpora and the fuzz seeds. */
final class Samples {
    static final String JSONL = JsonlFormatTest.LINE;

    static final String NGINX_JSON = "{\"time_iso8601\":\"2026-11-02T18:14:03+09:00\",\"remote_addr\":\"192.0.2.10\",\"remote_user\":\"\","
            + "\"request\":\"POST /payments?expand=card HTTP/1.1\",\"status\":201,\"request_time\":0.087,"
            + "\"http_user_agent\":\"curl/8.5.0\",\"http_content_type\":\"application/json\","
            + "\"request_body\":\"{\\\"orderId\\\":812,\\\"amount\\\":49.80}\"}";

    static final String COMBINED = "192.0.2.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif?a=b HTTP/1.0\" 200 2326 "
            + "\"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";

    static final String ALB = "https 2026-11-02T09:14:03.207512Z app/payments-alb/8e1c2b3d4f5a6b7c 203.0.113.9:51234 "
            + "198.51.100.20:8080 0.001 0.120 0.000 201 201 412 389 \"POST https://api.example.com:443/v1/orders?expand=items HTTP/1.1\" "
            + "\"okhttp/4.12.0\" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/p/9f8e "
            + "\"Root=1-6905a0c3-8a7b6c5d4e3f2a1b0c9d8e7f\" \"api.example.com\" \"-\" 10 2026-11-02T09:14:03.086210Z \"forward\" \"-\" \"-\" "
            + "\"198.51.100.20:8080\" \"201\" \"-\" \"-\" TID_0a1b2c3d4e5f6a7b";

    static final String OTLP = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"shop\"}}]},"
            + "\"scopeSpans\":[{\"spans\":[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"00f067aa0ba902b7\",\"kind\":2,"
            + "\"startTimeUnixNano\":\"1793610843120000000\",\"endTimeUnixNano\":\"1793610843207000000\",\"attributes\":["
            + "{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"GET\"}},{\"key\":\"url.path\",\"value\":{\"stringValue\":\"/orders/42\"}},"
            + "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"200\"}}]},"
            + "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"spanId\":\"2222222222222222\",\"parentSpanId\":\"00f067aa0ba902b7\",\"kind\":3,"
            + "\"startTimeUnixNano\":\"1793610843130000000\",\"endTimeUnixNano\":\"1793610843160000000\",\"attributes\":["
            + "{\"key\":\"http.request.method\",\"value\":{\"stringValue\":\"GET\"}},"
            + "{\"key\":\"url.full\",\"value\":{\"stringValue\":\"http://payments.example.com/payments?order=42\"}},"
            + "{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":200}}]}]}]}]}";

    /** A line of each line format, by format name. */
    static final List<Object[]> LINE_FORMATS = List.of(
            new Object[] {new JsonlFormat(), JSONL},
            new Object[] {new NginxJsonFormat(), NGINX_JSON},
            new Object[] {new CombinedFormat(), COMBINED},
            new Object[] {new AlbFormat(), ALB},
            new Object[] {new OtlpFormat(), OTLP});

    private Samples() {
    }
}
