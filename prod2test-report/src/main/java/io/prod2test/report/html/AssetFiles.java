package io.prod2test.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads what the report shows of an asset repository: the scenarios under {@code scenarios/} and a
 * JUnit XML file of their last run. Lenient where a viewer should be: a scenario file that does not
 * read is listed with its problem instead of failing the report.
 */
public final class AssetFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** {@code Title [scenario-id] (run 2)}: how the runner names a test case. */
    private static final Pattern CASE = Pattern.compile(".*\\[([a-z0-9][a-z0-9._-]*)](?: \\(run \\d+\\))?$");

    private AssetFiles() {
    }

    /** The scenarios of {@code repo}, by service and id; none when it has no {@code scenarios/} folder. */
    public static List<ScenarioSummary> scenarios(Path repo) {
        Path root = repo.resolve("scenarios");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ScenarioSummary> out = new ArrayList<>();
        for (Path serviceDir : folders(root)) {
            for (Path dir : folders(serviceDir)) {
                out.add(scenario(serviceDir.getFileName().toString(), dir));
            }
        }
        return out;
    }

    private static ScenarioSummary scenario(String service, Path dir) {
        String id = dir.getFileName().toString();
        Path file = dir.resolve("scenario.yaml");
        try {
            JsonNode yaml = YAML.readTree(file.toFile());
            if (yaml == null || !yaml.isObject()) {
                return problem(service, id, file + ": not a YAML mapping");
            }
            List<String> tags = new ArrayList<>();
            yaml.path("tags").forEach(t -> tags.add(t.asText()));
            List<String> routes = new ArrayList<>();
            yaml.path("flow").path("routes").forEach(r -> routes.add(r.asText()));
            return new ScenarioSummary(service, yaml.path("id").asText(id), yaml.path("title").asText(""), yaml.path("priority").asText(""),
                    tags, routes, yaml.path("flow").path("share").asDouble(0), yaml.path("steps").size(), null);
        } catch (IOException e) {
            return problem(service, id, file + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private static ScenarioSummary problem(String service, String id, String problem) {
        return new ScenarioSummary(service, id, "", "", List.of(), List.of(), 0, 0, problem);
    }

    private static List<Path> folders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a JUnit XML file as {@code prod2test run --junit-xml} writes it (test cases named
     * {@code Title [id]}, class {@code prod2test.<service>}); other test cases count in the totals.
     *
     * @throws Prod2TestException INVALID_INPUT when the file is not JUnit XML, IO when it cannot be read
     */
    public static TestRun junit(Path file) {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a results file is input like any other: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            doc = factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read the JUnit XML " + file + ": " + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, file + ": not a JUnit XML file: " + e.getMessage(), e);
        }
        String root = doc.getDocumentElement().getTagName();
        if (!root.equals("testsuites") && !root.equals("testsuite")) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, file + ": not a JUnit XML file: the root element is <" + root
                    + ">, expected <testsuites> or <testsuite>");
        }
        Map<String, TestRun.Outcome> outcomes = new LinkedHashMap<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        long failures = 0;
        long errors = 0;
        double seconds = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element tc = (Element) cases.item(i);
            String result = "passed";
            String message = "";
            Element failure = first(tc, "failure");
            Element error = first(tc, "error");
            if (failure != null) {
                result = "failed";
                message = failure.getAttribute("message");
                failures++;
            } else if (error != null) {
                result = "error";
                message = error.getAttribute("message");
                errors++;
            }
            double time = parse(tc.getAttribute("time"));
            seconds += time;
            Matcher m = CASE.matcher(tc.getAttribute("name"));
            String classname = tc.getAttribute("classname");
            if (m.matches() && classname.startsWith("prod2test.")) {
                outcomes.put(classname.substring("prod2test.".length()) + "/" + m.group(1), new TestRun.Outcome(result, time, message));
            }
        }
        return new TestRun(file.toString(), outcomes, cases.getLength(), failures, errors, seconds);
    }

    private static Element first(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static double parse(String number) {
        try {
            return number.isBlank() ? 0 : Double.parseDouble(number.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
