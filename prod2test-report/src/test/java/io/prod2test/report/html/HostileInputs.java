package io.prod2test.report.html;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.analyse.SubFlow;
import io.prod2test.analyse.Transition;
import io.prod2test.report.traffic.Sample;
import io.prod2test.report.traffic.TrafficStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small analysis whose every user-supplied value tries to break out of the HTML it is shown in. */
public final class HostileInputs {
    public static final String ATTACK = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
    static final Route PRODUCTS = new Route(1, "shop", "GET", "/products");
    static final Route EVIL = new Route(2, "shop\"><script>document.body.dataset.pwned=1</script>", "POST", "/search/" + ATTACK);
    static final Route ORDERS = new Route(3, "shop", "POST", "/orders");

    private HostileInputs() {
    }

    public static Analysis analysis() {
        Flow first = new Flow(1, List.of(PRODUCTS, EVIL, ORDERS), 6, 0.6, 1, Coverage.NOT_COVERED, 70, "why " + ATTACK);
        Flow second = new Flow(2, List.of(PRODUCTS, ORDERS), 3, 0.3, 0, Coverage.COVERED, 40, "covered");
        Flow third = new Flow(3, List.of(EVIL), 1, 0.1, 1, Coverage.PARTLY_COVERED, 10, "rare");
        EdgeCase edge = new EdgeCase(7, EdgeKind.ODD_VALUE, EVIL, null, "emoji at $.q " + ATTACK, 2, 2, List.of("s-" + ATTACK),
                List.of(11L), Coverage.UNKNOWN, 55, "odd");
        EdgeCase error = new EdgeCase(8, EdgeKind.ERROR_STATUS, ORDERS, 422, "422", 1, 1, List.of("s-2"), List.of(12L),
                Coverage.NOT_COVERED, 60, "error");
        List<Transition> graph = List.of(
                new Transition(null, PRODUCTS, 9, 9, List.of()),
                new Transition(null, EVIL, 1, 1, List.of()),
                new Transition(PRODUCTS, EVIL, 6, 6, List.of(new Transition.DownstreamCall("payments", "POST", "/x/" + ATTACK, 2))),
                new Transition(EVIL, ORDERS, 6, 6, List.of()),
                new Transition(PRODUCTS, ORDERS, 3, 3, List.of()),
                new Transition(ORDERS, PRODUCTS, 2, 2, List.of()));
        return new Analysis(30, 10, 3, List.of(first, second, third), List.of(edge, error), graph,
                List.of(new SubFlow(List.of(PRODUCTS, EVIL), 7, 0.7)), true);
    }

    public static ReportInputs inputs() {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        Sample sample = new Sample(11, at, "shop", "POST", "/search/" + ATTACK, "q=" + ATTACK, "{\"q\":\"" + ATTACK.replace("\"", "\\\"") + "\"}",
                200, "{\"note\":\"</pre><script>document.body.dataset.pwned=1</script>\"}", "s-1", 12L);
        TrafficStats stats = new TrafficStats(List.of(new TrafficStats.Bucket("2026-11-02 09:00", new long[] {20, 0, 8, 2}),
                new TrafficStats.Bucket("2026-11-02 10:00", new long[] {5, 1, 0, 0})), "hour",
                List.of(new TrafficStats.Bucket(ATTACK, new long[] {25, 1, 8, 2})), at, at.plusSeconds(7200));
        List<ScenarioSummary> scenarios = List.of(new ScenarioSummary("shop", "shop-1", "Title " + ATTACK, "high", List.of("t" + ATTACK),
                List.of("GET /products"), 0.5, 2, null), new ScenarioSummary("shop", "broken", "", "", List.of(), List.of(), 0, 0,
                "scenario.yaml: " + ATTACK));
        TestRun run = new TestRun("run.xml", Map.of("shop/shop-1", new TestRun.Outcome("failed", 0.5, "expected " + ATTACK)), 2, 1, 0, 0.6);
        return new ReportInputs(analysis(), stats, Map.of(7L, List.of(sample)), null, null, scenarios, run, at);
    }
}
