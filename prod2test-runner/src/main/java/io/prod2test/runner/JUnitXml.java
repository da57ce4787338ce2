package io.prod2test.runner;

import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML (the Ant/Surefire format CI servers read): a {@code testsuite} per service, a
 * {@code testcase} per scenario run named by its title and id, a {@code failure} with the
 * differences or an {@code error} with what went wrong.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** Writes {@code summary} to {@code file}, creating its folder. */
    public static void write(RunSummary summary, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                write(summary, out);
            }
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write JUnit XML " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code summary} to {@code out} as UTF-8. */
    public static void write(RunSummary summary, OutputStream out) {
        Map<String, List<ScenarioResult>> byService = new LinkedHashMap<>();
        summary.results().forEach(r -> byService.computeIfAbsent(r.scenario().service(), k -> new java.util.ArrayList<>()).add(r));
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            attributes(xml, summary.results(), summary.wallNanos());
            for (Map.Entry<String, List<ScenarioResult>> e : byService.entrySet()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "prod2test." + e.getKey());
                attributes(xml, e.getValue(), e.getValue().stream().mapToLong(ScenarioResult::totalNanos).sum());
                xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                for (ScenarioResult r : e.getValue()) {
                    testcase(xml, r);
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter xml, ScenarioResult r) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "prod2test." + r.scenario().service());
        xml.writeAttribute("name", r.scenario().scenario().title() + " [" + r.scenario().scenario().id() + "]"
                + (r.run() > 1 ? " (run " + r.run() + ")" : ""));
        xml.writeAttribute("time", seconds(r.totalNanos()));
        if (!r.passed()) {
            boolean failed = r.outcome() == ScenarioResult.Outcome.FAILED;
            xml.writeCharacters("\n      ");
            xml.writeStartElement(failed ? "failure" : "error");
            String details = r.details();
            xml.writeAttribute("message", details.lines().findFirst().orElse(""));
            xml.writeAttribute("type", failed ? "ScenarioFailure" : "ScenarioError");
            xml.writeCharacters(details);
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
    }

    private static void attributes(XMLStreamWriter xml, List<ScenarioResult> results, long nanos) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(results.size()));
        xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> r.outcome() == ScenarioResult.Outcome.FAILED).count()));
        xml.writeAttribute("errors", String.valueOf(results.stream().filter(r -> r.outcome() == ScenarioResult.Outcome.ERROR).count()));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(nanos));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
