package io.prod2test.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Transition;
import io.prod2test.mask.scan.ScanResult;
import io.prod2test.mask.scan.Scanner;
import io.prod2test.report.charter.Charters;
import io.prod2test.report.charter.Feature;
import io.prod2test.report.html.Chromium;
import io.prod2test.report.html.HostileInputs;
import io.prod2test.report.html.HtmlReport;
import io.prod2test.report.html.ReportInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charters and the report of a real analysis: the simulator's traffic against the sample
 * services, ingested masked and analysed. The report is rendered by headless Chromium (no script
 * errors, no blocked fetch, a box in the flow graph for every route users called); its screenshot
 * and the charters land in {@code target/report-it/} for a person to look at.
 */
class SampleTrafficIT {
    static final Path OUT = Path.of("target", "report-it");
    static final Pattern NODE = Pattern.compile("<g class=\"node\" data-route=\"([^\"]+)\"");

    @TempDir
    static Path dir;
    static SimulatedStore traffic;
    static Path report;
    static List<Path> charters;
    static Path repo;

    @BeforeAll
    static void playAnalyseAndReport() throws Exception {
        traffic = SimulatedStore.play(dir, 20261121L, 300);
        repo = OUT.resolve("assets");
        if (Files.exists(repo)) {
            try (var old = Files.walk(repo)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        charters = Charters.write(traffic.analysis, traffic.store, Files.createDirectories(repo));
        Path scenario = Files.createDirectories(repo.resolve("scenarios/shop/shop-0001-browse"));
        Files.writeString(scenario.resolve("scenario.yaml"), """
                id: shop-0001-browse
                title: Browse the catalogue
                flow: {routes: [GET /products], sessions: 40, share: 0.2}
                priority: high
                tags: [happy-path]
                source: {session: s-1}
                steps:
                  - request: {method: GET, path: /products}
                    expect: {status: 200}
                """);
        Path junit = dir.resolve("run.xml");
        Files.writeString(junit, """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites tests="1" failures="0" errors="0"><testsuite name="prod2test.shop" tests="1">
                <testcase classname="prod2test.shop" name="Browse the catalogue [shop-0001-browse]" time="0.120"/>
                </testsuite></testsuites>
                """);
        ReportInputs inputs = ReportInputs.from(traffic.store).withMasking(traffic.masking.report())
                .withScan(Scanner.standard().scan(repo)).withScenarios(repo).withJUnitXml(junit);
        Files.createDirectories(OUT);
        report = HtmlReport.write(inputs, OUT.resolve("report.html"));
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
    }

    @Test
    void rendersWithoutScriptErrorsAndDrawsEveryRouteOfTheGraph() throws Exception {
        Chromium.assumeInstalled();

        Chromium.Output run = Chromium.run(report, Files.createTempDirectory(dir, "profile"), "--dump-dom");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String dom = run.stdout();
        assertThat(dom).as("the report's script ran to its end").contains("data-report-ready=\"yes\"");
        assertThat(dom).as("no script error was written into the page").contains("<ul id=\"js-errors\" hidden=\"\"></ul>");
        assertThat(consoleErrors(run.stderr())).isEmpty();
        Set<String> drawn = new LinkedHashSet<>();
        Matcher m = NODE.matcher(dom);
        while (m.find()) {
            drawn.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        Set<String> expected = new LinkedHashSet<>();
        for (Transition t : traffic.analysis.graph()) {
            expected.add(t.to().label());
        }
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).contains("POST /carts/{id}/checkout", "GET /products");
        assertThat(dom).as("the script filled in how many paths the slider shows").containsPattern("\\d+ of \\d+ paths shown");
    }

    @Test
    void screenshotsTheReportForAPersonToLookAt() throws Exception {
        Chromium.assumeInstalled();
        Path png = OUT.resolve("report.png").toAbsolutePath();
        Files.deleteIfExists(png);

        Chromium.Output run = Chromium.run(report, Files.createTempDirectory(dir, "profile"), "--screenshot=" + png, "--window-size=1400,2000",
                "--hide-scrollbars");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(50_000);
        assertThat(consoleErrors(run.stderr())).isEmpty();
    }

    @Test
    void aHostileValueStaysTextInTheBrowser() throws Exception {
        Chromium.assumeInstalled();
        Path page = OUT.resolve("hostile.html");
        HtmlReport.write(HostileInputs.inputs(), page);

        Chromium.Output run = Chromium.run(page, Files.createTempDirectory(dir, "profile"), "--dump-dom");

        assertThat(run.stdout()).contains("data-report-ready=\"yes\"").contains("<ul id=\"js-errors\" hidden=\"\"></ul>")
                .doesNotContainPattern("<body[^>]*data-pwned");
        assertThat(Pattern.compile("<script").matcher(run.stdout()).results().count()).isEqualTo(1);
        assertThat(run.stdout()).contains("&lt;img src=x onerror=");
    }

    @Test
    void writesOneChecklistPerServiceAndRouteFamilyFromTheMaskedTraffic() throws Exception {
        Set<String> expected = new java.util.TreeSet<>();
        traffic.analysis.graph().forEach(t -> expected.add(file(Feature.of(t.to()))));
        traffic.analysis.edgeCases().forEach(e -> expected.add(file(Feature.of(e.route()))));
        assertThat(charters.stream().map(p -> repo.relativize(p).toString()).toList()).containsExactlyInAnyOrderElementsOf(expected)
                .contains("charters/shop/orders.md", "charters/shop/carts.md", "charters/payments/payments.md");
        for (Path charter : charters) {
            String md = Files.readString(charter);
            assertThat(md).as(charter.toString()).startsWith("# Charter: ").contains("**Mission:** Explore ", "**Time box:** ", "## Areas",
                    "## 1. Typical flows", "## 2. Features users mix in one session", "## 3. Edge cases and error paths seen in production",
                    "## 4. Rarely used paths", "- [ ] **", "  - Look for:");
            assertThat(md.indexOf("## 1.")).isLessThan(md.indexOf("## 2.")).isLessThan(md.indexOf("## 3.")).isLessThan(md.indexOf("## 4."));
        }
    }

    @Test
    void chartersQuoteTheConcreteRequestsOfExampleSessions() throws Exception {
        String orders = Files.readString(repo.resolve("charters/shop/orders.md"));
        Flow top = traffic.analysis.flows().stream().filter(f -> f.labels().contains("POST /carts/{id}/checkout")).findFirst().orElseThrow();
        assertThat(Files.readString(repo.resolve("charters/shop/carts.md"))).containsPattern("#" + top.id() + "\\b")
                .containsPattern("`POST /carts/cart_[0-9a-f]+/checkout` with `\\{\"cardId\": \"card_[0-9a-f]+\"}` → production answered \\*\\*\\d{3}\\*\\*");
        assertThat(orders).containsPattern("\\(as masked session `[0-9a-f]{16,}`\\)");
        for (EdgeCase e : traffic.analysis.edgeCases()) {
            if (e.kind() == EdgeKind.ERROR_STATUS && Feature.of(e.route()).equals(new Feature("shop", "/orders/**"))) {
                assertThat(orders).contains("**`" + e.route().label() + "` answered " + e.status() + " — ");
            }
        }
    }

    @Test
    void chartersMarkWhatExistingTestsAlreadyCover() throws Exception {
        Flow browse = traffic.analysis.flows().stream().filter(f -> f.labels().equals(List.of("GET /products", "GET /products/{id}")))
                .findFirst().orElseThrow();
        assertThat(browse.coverage()).isEqualTo(io.prod2test.analyse.Coverage.COVERED);

        String products = Files.readString(repo.resolve("charters/shop/products.md"));

        assertThat(products).containsPattern("- \\[ ] \\*\\*Flow #" + browse.id() + ": GET /products → GET /products/\\{id} — .*"
                + " — flow #" + browse.id() + " itself is covered by existing tests, its variants are not\\*\\* · ◐ \\*partly covered by existing tests\\*");
        assertThat(Files.readString(repo.resolve("charters/shop/orders.md"))).contains("· *not covered by any test*");
    }

    @Test
    void chartersHoldNoPersonalDataThatIsNotMasked() {
        ScanResult scan = Scanner.standard().scan(repo.resolve("charters"));

        assertThat(scan.files()).isEqualTo(charters.size());
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.clean()).as(scan.summary()).isTrue();
        assertThat(scan.surrogates()).as("the masked values the charters quote are recognised as masked").isPositive();
    }

    private static String file(Feature f) {
        return "charters/" + f.serviceFolder() + "/" + f.slug() + ".md";
    }

    /** Lines Chromium logged for the page's console at error level, and refused loads. */
    static List<String> consoleErrors(String stderr) {
        return stderr.lines().filter(l -> l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Error"))
                || l.contains("Refused to") || l.contains("net::ERR_")).toList();
    }
}
