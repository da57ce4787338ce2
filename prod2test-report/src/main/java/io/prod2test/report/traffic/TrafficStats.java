package io.prod2test.report.traffic;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.core.store.AnalysisStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How much traffic there was, when, to which service and with which answers: what the report charts.
 *
 * @param buckets     calls per time bucket and status class, buckets in time order
 * @param bucketWidth how long a bucket is, in words ({@code 5 minutes}, {@code hour}): chosen so the period has 24 to 60 or so
 * @param services    calls per service and status class, most calls first
 * @param from        the first call, or {@code null} when there is none
 * @param to          the last call, or {@code null} when there is none
 */
public record TrafficStats(List<Bucket> buckets, String bucketWidth, List<Bucket> services, Instant from, Instant to) {
    public TrafficStats {
        buckets = List.copyOf(buckets);
        services = List.copyOf(services);
        if (bucketWidth == null || bucketWidth.isBlank()) {
            throw new IllegalArgumentException("a bucket width is named, e.g. 'hour'");
        }
    }

    /**
     * Calls under one label (a time or a service) by status class.
     *
     * @param label  the bucket's start ({@code 2026-11-02 09:00}) or the service's name
     * @param counts calls answered 1xx/2xx, 3xx, 4xx and 5xx, in that order
     */
    public record Bucket(String label, long[] counts) {
        public Bucket {
            Objects.requireNonNull(label, "a bucket has a label");
            if (counts.length != 4) {
                throw new IllegalArgumentException("a bucket counts four status classes (2xx, 3xx, 4xx, 5xx), had " + counts.length);
            }
            counts = counts.clone();
        }

        public long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bucket b && b.label.equals(label) && Arrays.equals(b.counts, counts);
        }

        @Override
        public int hashCode() {
            return label.hashCode() * 31 + Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return label + Arrays.toString(counts);
        }
    }

    private static final long[] WIDTHS = {1, 5, 10, 30, 60, 300, 900, 3_600, 3 * 3_600, 6 * 3_600, 86_400, 7 * 86_400};
    private static final String[] NAMES = {"second", "5 seconds", "10 seconds", "30 seconds", "minute", "5 minutes", "15 minutes",
        "hour", "3 hours", "6 hours", "day", "week"};
    private static final String COUNTS = " count(*) FILTER (WHERE status < 300), count(*) FILTER (WHERE status BETWEEN 300 AND 399),"
            + " count(*) FILTER (WHERE status BETWEEN 400 AND 499), count(*) FILTER (WHERE status >= 500)";

    /** Reads the statistics of every exchange in the store (one scan, grouped in PostgreSQL). */
    public static TrafficStats read(AnalysisStore store) {
        try (Connection c = store.connect()) {
            Instant from = null;
            Instant to = null;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT min(ts), max(ts) FROM exchanges")) {
                rs.next();
                if (rs.getTimestamp(1) != null) {
                    from = rs.getTimestamp(1).toInstant();
                    to = rs.getTimestamp(2).toInstant();
                }
            }
            long span = from == null ? 0 : to.getEpochSecond() - from.getEpochSecond();
            int w = 0;
            while (w < WIDTHS.length - 1 && span / WIDTHS[w] > 60) {
                w++;
            }
            long seconds = WIDTHS[w];
            String pattern = seconds < 60 ? "HH:mm:ss" : seconds < 86_400 ? "MM-dd HH:mm" : "yyyy-MM-dd";
            DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
            TreeMap<Long, long[]> counted = new TreeMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT floor(extract(epoch FROM ts) / " + seconds + ")::bigint AS k,"
                    + COUNTS + " FROM exchanges GROUP BY k ORDER BY k")) {
                while (rs.next()) {
                    counted.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
            List<Bucket> buckets = new ArrayList<>();
            if (!counted.isEmpty()) {
                long first = counted.firstKey();
                long last = counted.lastKey();
                for (long k = first; k <= last; k++) { // empty buckets too: a gap in traffic is worth seeing
                    buckets.add(new Bucket(format.format(Instant.ofEpochSecond(k * seconds)), counted.getOrDefault(k, new long[4])));
                }
            }
            String width = NAMES[w];
            List<Bucket> services = grouped(c, "coalesce(service, '(unknown)')");
            services.sort((a, b) -> Long.compare(b.total(), a.total()));
            return new TrafficStats(buckets, width, services, from, to);
        } catch (SQLException e) {
            throw new Prod2TestException(ErrorCode.DATABASE, "cannot read the traffic statistics from the store: " + e.getMessage(), e);
        }
    }

    private static List<Bucket> grouped(Connection c, String key) throws SQLException {
        List<Bucket> out = new ArrayList<>();
        String sql = "SELECT " + key + " AS k," + COUNTS + " FROM exchanges GROUP BY k ORDER BY k";
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Bucket(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
            }
        }
        return out;
    }
}
