package io.prod2test.mcp;

import io.prod2test.core.ingest.Ingest;
import io.prod2test.core.ingest.MaskingHook;
import io.prod2test.core.ingest.format.LogFormats;
import io.prod2test.core.store.AnalysisStore;
import io.prod2test.mask.Masker;
import io.prod2test.mask.MaskingPolicy;
import io.prod2test.mask.surrogate.MaskingKey;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small synthetic shop log ingested (and masked) into a store: every session signs up, saves a
 * card and pays; every {@value #CONFLICT_EVERY}th payment conflicts (409) and is retried. Two
 * lines are broken and end in quarantine. The counts the tests expect derive from {@link #SESSIONS}.
 */
public final class TrafficFixture {
    public static final int SESSIONS = 40;
    public static final int CONFLICT_EVERY = 5;
    public static final int BROKEN_LINES = 2;
    public static final List<String> HAPPY_FLOW = List.of("POST /customers", "POST /customers/{id}/cards", "POST /payments");
    static final MaskingKey KEY = MaskingKey.of("mcp-test-masking-key-32-bytes!!!".getBytes(StandardCharsets.UTF_8));

    private TrafficFixture() {
    }

    /** Sessions whose payment conflicted once before it went through. */
    public static int conflicted() {
        return (SESSIONS + CONFLICT_EVERY - 1) / CONFLICT_EVERY;
    }

    public static int exchanges() {
        return SESSIONS * HAPPY_FLOW.size() + conflicted();
    }

    public static void ingest(AnalysisStore store, Path dir) throws IOException {
        Path log = dir.resolve("shop.jsonl");
        try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < SESSIONS; i++) {
                String sid = String.format("sid-%016x", (i + 1) * 0x9E3779B97F4A7C15L);
                String t = String.format("2026-11-02T%02d:%02d:", 9 + i / 60, i % 60);
                line(out, t + "01Z", "POST", "/customers", 201, sid, "{\"email\":\"fixture.user" + i + "@example.org\"}");
                line(out, t + "05Z", "POST", "/customers/" + (700 + i) + "/cards", 201, sid, "{\"number\":\"4242424242424242\"}");
                if (i % CONFLICT_EVERY == 0) {
                    line(out, t + "09Z", "POST", "/payments", 409, sid, "{\"amount\":" + (1000 + i) + "}");
                }
                line(out, t + "12Z", "POST", "/payments", 201, sid, "{\"amount\":" + (1000 + i) + "}");
            }
            for (int i = 0; i < BROKEN_LINES; i++) {
                out.write("{\"ts\":\"not a time\",\"method\":\"GET\",\"path\":\"/x\",\"status\":200}\n");
            }
        }
        new Ingest(store, new MaskingHook(Masker.create(MaskingPolicy.defaults(), KEY)), LogFormats.standard(),
                Ingest.Options.defaults().withService("shop")).run(List.of(log), Ingest.Progress.NONE);
    }

    private static void line(Writer out, String ts, String method, String path, int status, String sid, String body) throws IOException {
        out.write("{\"ts\":\"" + ts + "\",\"service\":\"shop\",\"method\":\"" + method + "\",\"path\":\"" + path
                + "\",\"requestBody\":" + body + ",\"status\":" + status + ",\"durationMs\":7,\"sessionId\":\"" + sid + "\"}\n");
    }
}
