package io.prod2test.generate.scenario;

import io.prod2test.analyse.AnalysisReader;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreIT {
    @Test
    void explore() throws Exception {
        Path dir = Path.of("target/explore");
        try (DemoTraffic t = DemoTraffic.play(dir, 42, 300)) {
            System.out.println("world jdbc shop " + t.world.jdbcUrl("shop") + " store " + t.store.jdbcUrl());
            for (Flow f : t.analysis.flows().subList(0, Math.min(25, t.analysis.flows().size()))) {
                System.out.println("FLOW " + f.id() + " " + f.sessions() + " " + f.labels());
            }
            for (EdgeCase e : t.analysis.edgeCases().subList(0, Math.min(30, t.analysis.edgeCases().size()))) {
                System.out.println("EDGE " + e.id() + " " + e.kind() + " " + e.route().label() + " " + e.status() + " " + e.detail() + " " + e.count() + " prio " + e.priority());
            }
            AnalysisReader reader = new AnalysisReader(t.store);
            for (long flow : new long[] {1, 2, 3, 4, 5}) {
                List<List<Long>> ex = reader.flowExamples(flow, 1);
                if (ex.isEmpty()) continue;
                try (Connection c = t.store.connect(); ResultSet rs = c.createStatement().executeQuery(
                        "SELECT id, service, method, path, query, request_headers, request_body, status, response_headers, response_body, session_key, route_id FROM exchanges WHERE id = ANY(ARRAY"
                        + ex.get(0) + "::bigint[]) ORDER BY ts, id")) {
                    while (rs.next()) {
                        System.out.println("EX flow " + flow + " | " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " q=" + rs.getString(5)
                                + "\n   reqh=" + rs.getString(6) + "\n   req=" + rs.getString(7) + "\n   " + rs.getInt(8) + " resh=" + rs.getString(9)
                                + "\n   resp=" + rs.getString(10) + " sess=" + rs.getString(11));
                    }
                }
            }
        }
    }
}
