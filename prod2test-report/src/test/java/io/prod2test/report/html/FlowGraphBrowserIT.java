package io.prod2test.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.analyse.Transition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow graph at the size the report promises to keep legible: 48 routes of three services, a
 * main path with branches, shortcuts and loops back, as a seeded random graph. Rendered in headless
 * Chromium; the screenshot {@code target/report-it/graph-48.png} is for a person to judge.
 */
class FlowGraphBrowserIT {
    static final int ROUTES = 48;

    static List<Transition> graph(long seed) {
        Random random = new Random(seed);
        String[] services = {"shop", "payments", "accounts"};
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        String[] nouns = {"products", "carts", "orders", "customers", "payments", "refunds", "cards", "sessions", "addresses", "coupons",
            "invoices", "shipments"};
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < ROUTES; i++) {
            String noun = nouns[i % nouns.length];
            String template = "/" + noun + (i >= nouns.length ? "/{id}" : "") + (i >= 2 * nouns.length ? "/" + nouns[(i * 7) % nouns.length] : "")
                    + (i >= 3 * nouns.length ? "/{id}" : "");
            routes.add(new Route(i + 1, services[i % 3], methods[(i / 3) % methods.length], template));
        }
        Map<String, long[]> edges = new LinkedHashMap<>();
        long sessions = 5_000;
        edges.put("0>1", new long[] {sessions, sessions});
        for (int i = 1; i < ROUTES; i++) {
            long weight = Math.max(1, sessions >> (i / 6)) ;
            int from = i == 1 ? 0 : 1 + random.nextInt(i - 1);
            edges.merge(from + ">" + (i + 1), new long[] {weight, weight}, (a, b) -> a);
            if (random.nextInt(3) == 0) { // a shortcut forward
                int to = Math.min(ROUTES, i + 2 + random.nextInt(5));
                edges.merge(i + ">" + to, new long[] {weight / 3 + 1, weight / 3 + 1}, (a, b) -> a);
            }
            if (random.nextInt(5) == 0) { // a loop back
                edges.merge((i + 1) + ">" + (1 + random.nextInt(i)), new long[] {weight / 5 + 1, weight / 5 + 1}, (a, b) -> a);
            }
        }
        List<Transition> graph = new ArrayList<>();
        edges.forEach((key, counts) -> {
            String[] ends = key.split(">");
            int from = Integer.parseInt(ends[0]);
            Route to = routes.get(Integer.parseInt(ends[1]) - 1);
            if (from != Integer.parseInt(ends[1])) {
                graph.add(new Transition(from == 0 ? null : routes.get(from - 1), to, counts[0], counts[1], List.of()));
            }
        });
        return graph;
    }

    @Test
    void drawsFortyEightRoutesWithoutScriptErrors(@TempDir Path dir) throws Exception {
        List<Transition> graph = graph(48);
        Route first = graph.getFirst().to();
        Analysis analysis = new Analysis(20_000, 5_000, ROUTES, List.of(new Flow(1, List.of(first), 5_000, 1, 0, Coverage.UNKNOWN, 10, "all")),
                List.of(), graph, List.of(), false);
        ReportInputs base = HostileInputs.inputs();
        ReportInputs inputs = new ReportInputs(analysis, base.traffic(), Map.of(), null, null, null, null, base.generatedAt());
        Path page = Files.createDirectories(Path.of("target", "report-it")).resolve("graph-48.html");
        HtmlReport.write(inputs, page);
        Chromium.assumeInstalled();

        Chromium.Output dom = Chromium.run(page, Files.createTempDirectory(dir, "profile"), "--dump-dom");
        Chromium.Output shot = Chromium.run(page, Files.createTempDirectory(dir, "profile"),
                "--screenshot=" + page.resolveSibling("graph-48.png").toAbsolutePath(), "--window-size=1400,2000", "--hide-scrollbars");

        assertThat(dom.stdout()).contains("data-report-ready=\"yes\"").contains("<ul id=\"js-errors\" hidden=\"\"></ul>");
        assertThat(Pattern.compile("<g class=\"node\"").matcher(dom.stdout()).results().count()).isEqualTo(ROUTES);
        assertThat(shot.exitCode()).as(shot.stderr()).isZero();
        assertThat(page.resolveSibling("graph-48.png")).exists();
    }
}
