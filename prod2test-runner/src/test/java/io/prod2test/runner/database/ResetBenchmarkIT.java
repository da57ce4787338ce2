package io.prod2test.runner.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.examples.support.EmbeddedDatabases;
import io.prod2test.runner.Assets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures the reset on the payments base datasets (10,255 rows in five tables), after the writes
 * a typical scenario makes through another connection. Prints the median (and writes it to
 * target/reset-benchmark.txt); it asserts only that every reset restored the base, not a time.
 */
class ResetBenchmarkIT {
    private static final int RESETS = 300;

    @Test
    void measuresTheResetAfterATypicalScenario() throws Exception {
        try (EmbeddedDatabases postgres = EmbeddedDatabases.start(null)) {
            String url = postgres.createDatabase("bench");
            try (DatabaseReset reset = DatabaseReset.prepare(url, Migrations.of(Assets.repo(), "payments"));
                 Connection service = DriverManager.getConnection(url)) {
                long[] afterScenario = new long[RESETS];
                long[] unchanged = new long[RESETS];
                for (int i = 0; i < RESETS; i++) {
                    try (Statement s = service.createStatement()) {
                        s.execute("""
                                INSERT INTO card_tokens VALUES ('tok_x', '424242', '4242', 'visa', 1, 2030, now());
                                INSERT INTO idempotency_keys VALUES ('authorise', 'k1', 'h', 201, '{}', now());
                                INSERT INTO payments (id, status, amount_minor, currency, order_ref, token, card_brand, card_last4, created_at, updated_at)
                                  VALUES ('pay_x', 'authorized', 50000, 'JPY', 'o', 'tok_x', 'visa', '4242', now(), now());
                                INSERT INTO captures VALUES ('cap_x1', 'pay_x', 20000, now()), ('cap_x2', 'pay_x', 10000, now());
                                UPDATE payments SET captured_minor = 30000, status = 'partially_captured' WHERE id = 'pay_x';
                                INSERT INTO idempotency_keys VALUES ('refund', 'k2', 'h', 201, '{}', now());
                                INSERT INTO refunds (id, payment_id, amount_minor, currency, status, created_at)
                                  VALUES ('re_x', 'pay_x', 1000, 'JPY', 'succeeded', now());
                                UPDATE payments SET refunded_minor = 1000, status = 'partially_refunded' WHERE id = 'pay_x';
                                """);
                    }
                    afterScenario[i] = reset.reset("", "setup.sql");
                    unchanged[i] = reset.reset("", "setup.sql");
                }
                assertThat(reset.check(io.prod2test.runner.scenario.DatabaseCheck.of("base",
                        "SELECT (SELECT count(*) FROM payments) = 3002 AND (SELECT count(*) FROM refunds) = 750"))).isNull();
                String report = String.format(Locale.ROOT,
                        "reset after a typical scenario (10,255 base rows, %d resets): median %.2f ms, p90 %.2f ms, max %.2f ms%n"
                                + "reset with nothing changed: median %.2f ms%n",
                        RESETS, ms(percentile(afterScenario, 50)), ms(percentile(afterScenario, 90)), ms(percentile(afterScenario, 100)),
                        ms(percentile(unchanged, 50)));
                System.out.print(report);
                Files.writeString(Path.of("target", "reset-benchmark.txt"), report);
            }
        }
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
