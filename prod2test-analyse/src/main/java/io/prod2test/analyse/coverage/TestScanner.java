package io.prod2test.analyse.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the routes existing tests call. Reads scenario files ({@code scenario.yaml}: {@code flow.routes}
 * such as {@code "POST /payments"} and {@code steps[].request} with {@code method} and {@code path}) and
 * test code in Java, Kotlin, Groovy, Python, JavaScript and TypeScript. In code it recognises
 * <ul>
 *   <li>calls named after the method with a path string: REST-Assured {@code .post("/payments")},
 *       MockMvc {@code perform(post("/payments"))}, TestRestTemplate {@code getForEntity("/x", ...)},
 *       Python {@code client.post("/x")} and {@code requests.get(f"{base}/x")}, supertest {@code .post('/x')};</li>
 *   <li>WebTestClient {@code .post().uri("/payments")};</li>
 *   <li>any other string that looks like a path, with the method found near it (Java HttpClient
 *       {@code .POST(}, {@code HttpMethod.PUT}, fetch's {@code method: 'DELETE'}), or none.</li>
 * </ul>
 * String concatenation around a variable ({@code "/orders/" + id + "/refunds"}) counts as a parameter.
 */
public final class TestScanner {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CODE = Set.of("java", "kt", "kts", "groovy", "scala", "py", "js", "mjs", "cjs", "ts", "tsx", "jsx", "rb", "go", "http");
    private static final long MAX_FILE = 2_000_000;

    private static final Pattern CONCAT = Pattern.compile("\"\\s*\\+\\s*[A-Za-z_][\\w.()\\[\\]]*\\s*\\+\\s*\"");
    private static final Pattern CONCAT_END = Pattern.compile("\"\\s*\\+\\s*[A-Za-z_][\\w.()\\[\\]]*(?=\\s*[,)])");
    private static final Pattern NAMED_CALL = Pattern.compile(
            "(?i)\\b(get|post|put|patch|delete)(?:ForEntity|ForObject|Async)?\\s*\\(\\s*(?:[^\"'`()]{0,60}?\\+\\s*)?[fF]?([\"'`])([^\"'`\\n]*)\\2");
    private static final Pattern WEB_TEST_CLIENT = Pattern.compile(
            "(?i)\\.(get|post|put|patch|delete)\\(\\)\\s*\\.uri\\(\\s*[\"']([^\"'\\n]*)[\"']");
    private static final Pattern ANY_PATH = Pattern.compile("[fF]?([\"'`])((?:https?://[^/\"'`\\s]+|\\$?\\{[^}]*\\})?/[A-Za-z][^\"'`\\s]*)\\1");
    private static final Pattern NEAR_METHOD = Pattern.compile(
            "(?:\\.(GET|POST|PUT|PATCH|DELETE)\\s*\\(|HttpMethod\\.(GET|POST|PUT|PATCH|DELETE)|method\\s*[:=]\\s*[\"'](GET|POST|PUT|PATCH|DELETE|get|post|put|patch|delete)[\"'])");
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([45]\\d\\d)(?![\\d.])");

    private TestScanner() {
    }

    /** Every test file under the folders, in a stable order. */
    public static List<TestFile> scan(List<Path> folders) {
        List<TestFile> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new Prod2TestException(ErrorCode.USAGE, "--tests " + folder + ": not a folder");
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    TestFile read = read(file);
                    if (read != null && !read.calls().isEmpty()) {
                        files.add(read);
                    }
                }
            } catch (IOException e) {
                throw new Prod2TestException(ErrorCode.IO, "cannot read the tests under " + folder + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(files);
    }

    /** The calls of one file, or {@code null} when it is not a test file this scanner reads. */
    static TestFile read(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        boolean scenario = name.equals("scenario.yaml") || name.equals("scenario.yml");
        if (!scenario && !CODE.contains(ext) || Files.size(file) > MAX_FILE) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        List<TestCall> calls = scenario ? scenarioCalls(file, text) : codeCalls(text);
        Set<Integer> statuses = new TreeSet<>();
        Matcher m = STATUS.matcher(text);
        while (m.find()) {
            statuses.add(Integer.parseInt(m.group(1)));
        }
        return new TestFile(file, scenario, calls, statuses, text.toLowerCase(Locale.ROOT));
    }

    static List<TestCall> scenarioCalls(Path file, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, file + ": not a readable scenario file: " + e.getMessage(), e);
        }
        List<TestCall> calls = new ArrayList<>();
        if (root == null) {
            return calls;
        }
        JsonNode routes = root.path("flow").path("routes");
        for (int i = 0; i < routes.size(); i++) {
            String[] parts = routes.get(i).asText("").trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[1].startsWith("/")) {
                throw Prod2TestException.invalidInput(file.toString(), 0, "flow.routes[" + i + "]",
                        "a route is 'METHOD /path', was '" + routes.get(i).asText("") + "'");
            }
            calls.add(new TestCall(parts[0].toUpperCase(Locale.ROOT), parts[1], lineOf(text, parts[1])));
        }
        JsonNode steps = root.path("steps");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode request = steps.get(i).path("request");
            String method = request.path("method").asText(null);
            String path = request.path("path").asText(null);
            if (method == null || path == null) {
                throw Prod2TestException.invalidInput(file.toString(), 0, "steps[" + i + "].request",
                        "a step's request has a method and a path");
            }
            calls.add(new TestCall(method.toUpperCase(Locale.ROOT), path, lineOf(text, path)));
        }
        return calls;
    }

    static List<TestCall> codeCalls(String source) {
        String text = CONCAT_END.matcher(CONCAT.matcher(source).replaceAll("{p}")).replaceAll("{p}");
        List<TestCall> calls = new ArrayList<>();
        Set<Integer> taken = new TreeSet<>();
        Matcher m = WEB_TEST_CLIENT.matcher(text);
        while (m.find()) {
            add(calls, taken, text, m.start(2), m.group(1), m.group(2));
        }
        m = NAMED_CALL.matcher(text);
        while (m.find()) {
            add(calls, taken, text, m.start(3), m.group(1), m.group(3));
        }
        m = ANY_PATH.matcher(text);
        while (m.find()) {
            if (taken.contains(m.start(2))) {
                continue;
            }
            // the method is looked for in the same statement: from the previous ';' to the next one
            int from = Math.max(Math.max(0, m.start() - 200), text.lastIndexOf(';', m.start()) + 1);
            int end = text.indexOf(';', m.end());
            int to = Math.min(Math.min(text.length(), m.end() + 200), end < 0 ? text.length() : end);
            Matcher near = NEAR_METHOD.matcher(text.substring(from, to));
            String method = null;
            if (near.find()) {
                method = near.group(1) != null ? near.group(1) : near.group(2) != null ? near.group(2) : near.group(3);
            }
            add(calls, taken, text, m.start(2), method, m.group(2));
        }
        return calls;
    }

    private static void add(List<TestCall> calls, Set<Integer> taken, String text, int at, String method, String raw) {
        String path = pathOf(raw);
        if (path == null || !taken.add(at)) {
            return;
        }
        calls.add(new TestCall(method == null ? null : method.toUpperCase(Locale.ROOT), path, line(text, at)));
    }

    /** The path of a literal: without scheme and host, a leading base-URL placeholder, query and fragment. */
    static String pathOf(String raw) {
        String p = raw.replaceFirst("^https?://[^/]+", "").replaceFirst("^\\$?\\{[^}]*\\}", "").replaceFirst("[?#].*$", "");
        if (!p.startsWith("/") || p.length() < 2 || p.startsWith("//") || p.contains(" ")) {
            return null;
        }
        return p;
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : line(text, at);
    }

    private static int line(String text, int at) {
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
