package io.prod2test.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @Test
    void escapesEveryValueThatCameFromUsers() {
        String html = HtmlReport.render(HostileInputs.inputs());

        assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>document").doesNotContain("</pre><script>");
        assertThat(Pattern.compile("<script").matcher(html).results().count()).as("only the report's own script").isEqualTo(1);
        assertThat(html).contains("&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&quot;&gt;");
        assertThat(html).contains("shop&quot;&gt;&lt;script&gt;");
    }

    @Test
    void isSelfContainedAndForbidsFetchingAnything() {
        String html = HtmlReport.render(HostileInputs.inputs());

        assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("<link").doesNotContain("@import");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void showsEverySectionAndSaysWhatWasNotGiven() {
        String html = HtmlReport.render(HostileInputs.inputs());

        assertThat(html).contains("id=\"traffic\"", "id=\"flow-graph\"", "id=\"flows\"", "id=\"edge-cases\"", "id=\"masking\"", "id=\"scenarios\"");
        assertThat(html).contains("The masking summary of the ingest is not known", "No scan was run");
        assertThat(html).contains("class=\"outcome failed\"").contains("1 passed</b>, 1 failed").contains("not run");
        assertThat(html).contains("<span class=\"cov covered\">covered</span>", "<span class=\"cov partly-covered\">partly covered</span>");
        assertThat(Pattern.compile("<g class=\"node\"").matcher(html).results().count()).isEqualTo(3);
    }

    @Test
    void rendersAnEmptyStoreWithoutFailing() {
        var empty = new io.prod2test.analyse.Analysis(0, 0, 0, List.of(), List.of(), List.of(), List.of(), false);
        var traffic = new io.prod2test.report.traffic.TrafficStats(List.of(), "hour", List.of(), null, null);

        String html = HtmlReport.render(new ReportInputs(empty, traffic, java.util.Map.of(), null, null, List.of(), null,
                java.time.Instant.parse("2026-11-02T09:00:00Z")));

        assertThat(html).contains("no traffic", "No traffic.", "No flows: the store holds no sessions.", "No edge cases found.",
                "The asset repository has no scenarios yet.");
        assertThat(html).doesNotContain("<g class=\"node\"");
    }

    @Test
    void showsTheScanAndNoScenariosWithoutARepository(@TempDir Path dir) throws Exception {
        Path clean = Files.writeString(dir.resolve("notes.md"), "nothing personal here\n");
        ReportInputs inputs = HostileInputs.inputs();
        ReportInputs without = new ReportInputs(inputs.analysis(), inputs.traffic(), inputs.edgeExamples(), List.of(), null, null, null,
                inputs.generatedAt()).withScan(Scanner.standard().scan(clean));

        Path file = HtmlReport.write(without, dir.resolve("out/report.html"));

        String html = Files.readString(file);
        assertThat(html).contains("✔ clean: 0 findings").contains("No asset repository was given").contains("0 values masked on ingest");
    }
}
