package io.prod2test.report.html;

import static io.prod2test.report.html.Html.count;
import static io.prod2test.report.html.Html.esc;
import static io.prod2test.report.html.Html.num;
import static io.prod2test.report.html.Html.percent;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.prod2test.mask.MaskingReport;
import io.prod2test.mask.PiiKind;
import io.prod2test.mask.scan.Finding;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.report.traffic.Sample;
import io.prod2test.report.traffic.TrafficStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's entry point: {@code HtmlReport.write(inputs, file)} writes the analysis as one
 * self-contained HTML page: CSS, script and every chart inline, nothing fetched (a Content Security
 * Policy forbids it), so the file can be mailed, attached to a ticket and opened offline.
 */
public final class HtmlReport {
    /** Flows listed in the table. */
    static final int TOP_FLOWS = 25;
    /** Edge cases listed in the table. */
    static final int TOP_EDGE_CASES = 40;
    /** Above this many edges the graph starts with the rarest hidden (the slider shows them). */
    static final int VISIBLE_EDGES = 90;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    /** Writes the report to {@code file}, creating its folder. */
    public static Path write(ReportInputs inputs, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(inputs), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report as one HTML document. */
    public static String render(ReportInputs in) {
        Analysis a = in.analysis();
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; ")
                .append("script-src 'unsafe-inline'; img-src data:\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>prod2test report</title><style>").append(resource("report.css")).append("</style></head><body>\n");
        html.append("<header><h1>prod2test report</h1><p class=\"muted\">").append(period(in.traffic())).append(" · made ")
                .append(esc(WHEN.format(in.generatedAt()))).append(" from masked traffic</p>");
        html.append("<ul class=\"tiles\">")
                .append(tile(count(a.exchanges()), "exchanges"))
                .append(tile(count(a.sessions()), "sessions"))
                .append(tile(count(a.routes()), "routes"))
                .append(tile(count(a.flows().size()), "flow variants"))
                .append(tile(count(a.edgeCases().size()), "edge cases"))
                .append(tile(in.scenarios() == null ? "–" : count(in.scenarios().size()), "scenarios"))
                .append("</ul><nav><a href=\"#traffic\">Traffic</a><a href=\"#graph\">Flow graph</a><a href=\"#flows\">Top flows</a>")
                .append("<a href=\"#edge-cases\">Edge cases</a><a href=\"#masking\">Masking</a><a href=\"#scenarios\">Scenarios</a></nav></header>\n");
        traffic(html, in.traffic());
        graph(html, a);
        flows(html, a);
        edgeCases(html, a, in.edgeExamples());
        masking(html, in.masking(), in.scan());
        scenarios(html, in.scenarios(), in.run());
        html.append("<footer class=\"muted\">Every value in this report comes from masked traffic. ")
                .append("<span id=\"script-status\">Interactive parts need JavaScript.</span></footer>")
                .append("<ul id=\"js-errors\" hidden></ul>")
                .append("<script>").append(resource("report.js")).append("</script></body></html>\n");
        return html.toString();
    }

    private static String tile(String value, String label) {
        return "<li><b>" + esc(value) + "</b><span>" + esc(label) + "</span></li>";
    }

    private static String period(TrafficStats t) {
        if (t.from() == null) {
            return "no traffic";
        }
        return "traffic from " + esc(WHEN.format(t.from())) + " to " + esc(WHEN.format(t.to()));
    }

    private static void traffic(StringBuilder html, TrafficStats t) {
        html.append("<section id=\"traffic\"><h2>Traffic over the period</h2><p class=\"muted\">Calls per ").append(esc(t.bucketWidth()))
                .append(", every service, by status class. Hover a column for its numbers.</p>")
                .append(Charts.timeline(t.buckets(), t.bucketWidth()))
                .append("<h3>By service</h3>").append(Charts.stackedRows(t.services())).append("</section>\n");
    }

    private static void graph(StringBuilder html, Analysis a) {
        GraphLayout layout = GraphLayout.of(a.graph());
        long max = layout.edges().stream().mapToLong(GraphLayout.Edge::count).max().orElse(1);
        long threshold = layout.edges().size() <= VISIBLE_EDGES ? 1 : layout.edges().get(VISIBLE_EDGES - 1).count();
        html.append("<section id=\"graph\"><h2>Flow graph</h2><p class=\"muted\">Which route users called straight after which")
                .append(" (the directly-follows graph of ").append(count(a.sessions())).append(" sessions): the number on a box is")
                .append(" its user calls, on an arrow how often users went that way; thicker is more. Dashed arrows go back to an")
                .append(" earlier step. Click a box to highlight its paths.</p>");
        html.append("<div class=\"controls\"><label>Show paths taken at least <input id=\"edge-min\" type=\"range\" min=\"1\" max=\"")
                .append(max).append("\" value=\"").append(threshold).append("\"> <output id=\"edge-min-value\">").append(threshold)
                .append("</output> times</label> <span id=\"edge-shown\" class=\"muted\"></span><span class=\"legend\">");
        FlowGraphSvg.colours(layout).forEach((service, colour) -> html.append("<span><i style=\"background:").append(colour).append("\"></i>")
                .append(esc(service)).append("</span>"));
        html.append("</span></div><div class=\"graph-box\">").append(FlowGraphSvg.render(layout)).append("</div></section>\n");
    }

    private static void flows(StringBuilder html, Analysis a) {
        html.append("<section id=\"flows\"><h2>Top flows</h2><p class=\"muted\">Flow variants by sessions (the routes a session reached,")
                .append(" in order, loops collapsed), with their share, coverage by existing tests and priority.</p>");
        if (a.flows().isEmpty()) {
            html.append("<p>No flows: the store holds no sessions.</p></section>");
            return;
        }
        double top = a.flows().getFirst().share();
        html.append("<table class=\"flows\"><thead><tr><th>#</th><th>Routes</th><th class=\"num\">Sessions</th><th>Share</th>")
                .append("<th>Coverage</th><th class=\"num\">Priority</th></tr></thead><tbody>");
        for (Flow f : a.flows().stream().limit(TOP_FLOWS).toList()) {
            html.append("<tr><td>").append(f.id()).append("</td><td><ol class=\"steps\">");
            for (Route r : f.routes()) {
                html.append("<li>").append(esc(r.label())).append("</li>");
            }
            html.append("</ol><div class=\"why\">").append(esc(f.why())).append("</div></td><td class=\"num\">").append(count(f.sessions()))
                    .append("</td><td>").append(Charts.shareBar(f.share() / top)).append(' ').append(percent(f.share())).append("</td><td>")
                    .append(coverage(f.coverage())).append("</td><td class=\"num\">").append(num(f.priority())).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (a.flows().size() > TOP_FLOWS) {
            html.append("<p class=\"muted\">").append(count(a.flows().size() - TOP_FLOWS)).append(" rarer flow variants not listed.</p>");
        }
        Map<Coverage, Long> byCoverage = new TreeMap<>();
        a.flows().forEach(f -> byCoverage.merge(f.coverage(), f.sessions(), Long::sum));
        html.append("<h3>Sessions by coverage of their flow</h3>").append(Charts.bars(byCoverage.entrySet().stream()
                .map(e -> Map.entry(e.getKey().label(), e.getValue())).toList(), "#6c7bd1"));
        html.append("</section>\n");
    }

    private static void edgeCases(StringBuilder html, Analysis a, Map<Long, List<Sample>> examples) {
        html.append("<section id=\"edge-cases\"><h2>Edge cases</h2>");
        if (a.edgeCases().isEmpty()) {
            html.append("<p>No edge cases found.</p></section>");
            return;
        }
        Map<String, Long> byKind = a.edgeCases().stream().collect(Collectors.groupingBy(e -> e.kind().label(), TreeMap::new,
                Collectors.summingLong(EdgeCase::count)));
        html.append("<p class=\"muted\">Calls by kind of edge case, then the edge cases by priority, with masked example calls.</p>")
                .append(Charts.bars(byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList(), "#c7793a"));
        html.append("<table class=\"edges\"><thead><tr><th>Kind</th><th>Route</th><th>Status</th><th>Detail</th><th class=\"num\">Calls</th>")
                .append("<th class=\"num\">Sessions</th><th>Coverage</th><th class=\"num\">Priority</th><th>Examples</th></tr></thead><tbody>");
        for (EdgeCase e : a.edgeCases().stream().limit(TOP_EDGE_CASES).toList()) {
            html.append("<tr><td><span class=\"kind\">").append(esc(e.kind().label())).append("</span></td><td>")
                    .append(esc(e.route().service() == null ? "" : e.route().service() + " ")).append("<code>").append(esc(e.route().label()))
                    .append("</code></td><td>").append(e.status() == null ? "" : "<span class=\"status s" + e.status() / 100 + "\">" + e.status() + "</span>")
                    .append("</td><td>").append(esc(Html.shorten(e.detail(), 120))).append("</td><td class=\"num\">").append(count(e.count()))
                    .append("</td><td class=\"num\">").append(count(e.sessions())).append("</td><td>").append(coverage(e.coverage()))
                    .append("</td><td class=\"num\">").append(num(e.priority())).append("</td><td>");
            List<Sample> samples = examples.getOrDefault(e.id(), List.of());
            for (Sample s : samples) {
                html.append("<details><summary><code>").append(esc(Html.shorten(s.requestLine(), 80))).append("</code> → ").append(s.status())
                        .append("</summary>");
                if (!s.requestBody().isEmpty()) {
                    html.append("<div class=\"label\">request</div><pre>").append(esc(Html.shorten(s.requestBody(), 600))).append("</pre>");
                }
                if (!s.responseBody().isEmpty()) {
                    html.append("<div class=\"label\">response</div><pre>").append(esc(Html.shorten(s.responseBody(), 600))).append("</pre>");
                }
                html.append("</details>");
            }
            if (samples.isEmpty() && !e.examples().isEmpty()) {
                html.append("<span class=\"muted\">sessions ").append(esc(String.join(", ", e.examples()))).append("</span>");
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (a.edgeCases().size() > TOP_EDGE_CASES) {
            html.append("<p class=\"muted\">").append(count(a.edgeCases().size() - TOP_EDGE_CASES)).append(" edge cases of lower priority not listed.</p>");
        }
        html.append("</section>\n");
    }

    private static void masking(StringBuilder html, List<MaskingReport.Entry> masking, ScanResult scan) {
        html.append("<section id=\"masking\"><h2>Masking</h2>");
        if (masking == null) {
            html.append("<p class=\"muted\">The masking summary of the ingest is not known to this report: the analysis store keeps")
                    .append(" no per-rule counts, so only a run that ingests and reports in one go (as the demo does) can show them.</p>");
        } else {
            long total = masking.stream().mapToLong(MaskingReport.Entry::count).sum();
            html.append("<p>").append(count(total)).append(" values masked on ingest, by kind:</p>");
            Map<String, Long> byKind = masking.stream().collect(Collectors.groupingBy(e -> kind(e.kind()), TreeMap::new,
                    Collectors.summingLong(MaskingReport.Entry::count)));
            html.append(Charts.bars(byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList(), "#4a8f8a"));
            html.append("<table><thead><tr><th>Rule or detector</th><th>Kind</th><th class=\"num\">Values</th></tr></thead><tbody>");
            for (MaskingReport.Entry e : masking) {
                html.append("<tr><td><code>").append(esc(e.source())).append("</code></td><td>").append(esc(kind(e.kind())))
                        .append("</td><td class=\"num\">").append(count(e.count())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<h3>Personal-data scan</h3>");
        if (scan == null) {
            html.append("<p class=\"muted\">No scan was run for this report (<code>prod2test scan PATH</code>, or").append(" <code>report --repo</code>).</p>");
        } else {
            html.append("<p class=\"scan ").append(scan.clean() ? "clean\">✔ clean: " : "dirty\">✘ not clean: ").append(esc(scan.summary())).append("</p>");
            if (!scan.findings().isEmpty()) {
                html.append("<table><thead><tr><th>File</th><th class=\"num\">Line</th><th>Kind</th><th>What</th></tr></thead><tbody>");
                for (Finding f : scan.findings().stream().limit(50).toList()) {
                    html.append("<tr><td><code>").append(esc(f.file().toString())).append("</code></td><td class=\"num\">").append(f.line())
                            .append("</td><td>").append(esc(f.kind().name())).append("</td><td>").append(esc(f.redacted())).append("</td></tr>");
                }
                html.append("</tbody></table>");
            }
            scan.errors().stream().limit(10).forEach(err -> html.append("<p class=\"dirty\">").append(esc(err)).append("</p>"));
        }
        html.append("</section>\n");
    }

    private static String kind(PiiKind kind) {
        return kind == null ? "redacted" : kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void scenarios(StringBuilder html, List<ScenarioSummary> scenarios, TestRun run) {
        html.append("<section id=\"scenarios\"><h2>Generated scenarios</h2>");
        if (scenarios == null) {
            html.append("<p class=\"muted\">No asset repository was given (<code>--repo DIR</code>), so no scenarios are shown.</p></section>\n");
            return;
        }
        if (run != null) {
            html.append("<div class=\"run\">").append(Charts.donut(run.passed(), run.failures(), run.errors())).append("<p>Last run (")
                    .append(esc(Path.of(run.file()).getFileName().toString())).append("): <b>").append(count(run.passed())).append(" passed</b>, ")
                    .append(count(run.failures())).append(" failed, ").append(count(run.errors())).append(" errors in ")
                    .append(String.format(Locale.ROOT, "%.1f", run.seconds())).append(" s.</p></div>");
        } else {
            html.append("<p class=\"muted\">No run results were given (<code>--junit-xml FILE</code> of <code>prod2test run</code>).</p>");
        }
        if (scenarios.isEmpty()) {
            html.append("<p>The asset repository has no scenarios yet.</p></section>\n");
            return;
        }
        html.append("<table class=\"scenarios\"><thead><tr><th>Service</th><th>Scenario</th><th>Priority</th><th>Flow</th>")
                .append("<th class=\"num\">Steps</th><th>Tags</th><th>Last run</th></tr></thead><tbody>");
        for (ScenarioSummary s : scenarios) {
            html.append("<tr><td>").append(esc(s.service())).append("</td><td><b>").append(esc(s.title())).append("</b><br><code>")
                    .append(esc(s.id())).append("</code>");
            if (s.problem() != null) {
                html.append("<div class=\"dirty\">").append(esc(s.problem())).append("</div>");
            }
            html.append("</td><td>").append(esc(s.priority())).append("</td><td>").append(esc(String.join(" → ", s.routes())))
                    .append(s.share() > 0 ? " <span class=\"muted\">(" + percent(s.share()) + ")</span>" : "").append("</td><td class=\"num\">")
                    .append(s.steps()).append("</td><td>").append(esc(String.join(", ", s.tags()))).append("</td><td>");
            TestRun.Outcome o = run == null ? null : run.outcomes().get(s.key());
            if (o == null) {
                html.append(run == null ? "" : "<span class=\"muted\">not run</span>");
            } else {
                html.append("<span class=\"outcome ").append(o.result()).append("\">").append(o.result()).append("</span> ")
                        .append(String.format(Locale.ROOT, "%.2f s", o.seconds()));
                if (!o.message().isEmpty()) {
                    html.append("<div class=\"muted\">").append(esc(Html.shorten(o.message(), 160))).append("</div>");
                }
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String coverage(Coverage c) {
        return "<span class=\"cov " + c.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\">" + esc(c == Coverage.UNKNOWN ? "unknown" : c.label()) + "</span>";
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new Prod2TestException(ErrorCode.INTERNAL, "the report's " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INTERNAL, "cannot read the report's " + name + ": " + e.getMessage(), e);
        }
    }
}
