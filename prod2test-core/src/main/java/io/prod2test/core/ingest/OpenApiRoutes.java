package io.prod2test.core.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Route templates taken from an OpenAPI 3.0 or 3.1 document ({@code ingest --openapi FILE}), used
 * instead of the templates {@link RouteTemplates} infers from the traffic: the document knows that
 * {@code /customers/812/cards/card_9f} is {@code /customers/{customerId}/cards/{cardId}}, and
 * names the parameters as the API does.
 *
 * <p>The document is parsed by swagger-parser (YAML or JSON; external {@code $ref}s are resolved
 * relative to the file). Every operation becomes a {@link Route} whose template is the server's
 * base path followed by the path as written in the document: with {@code servers: [{url:
 * https://api.example.com/v1}]}, {@code /customers/{customerId}} is matched, and named, as
 * {@code /v1/customers/{customerId}}. Operation- and path-level {@code servers} override the
 * document's, as the specification says; a server variable in the base path is expanded to each
 * of its {@code enum} values, or else to its {@code default}.
 *
 * <p>Matching ({@link #templateOf}) follows the specification's rule that concrete paths win over
 * templated ones, segment by segment from the left: {@code /users/me} before {@code /users/{id}},
 * and a segment mixing text and parameters ({@code {name}.{ext}}) between the two. Among the
 * templates that match the path, the most specific one that defines the request's method is
 * chosen; so {@code DELETE /users/me} is {@code /users/{id}} when only {@code /users/{id}} has a
 * {@code DELETE}, which is how most frameworks route. A parameter matches exactly one non-empty
 * segment; literal segments compare after percent-decoding; one trailing slash is ignored.
 *
 * <p>Templates are compiled once into a segment trie, so matching a request costs a split of its
 * path and a few hash look-ups, with no regular expression: it runs once per ingested exchange.
 * Instances are immutable and safe to share between threads.
 */
public final class OpenApiRoutes {
    /** One operation of the document: its method (upper case) and its template, base path included. */
    public record Route(String method, String template) {
        public Route {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(template, "template");
        }
    }

    /** Server variables are expanded to at most this many base paths per server, beyond which only defaults are used. */
    private static final int MAX_EXPANSIONS = 64;
    /** How many {@code $ref} hops a path item may take before it counts as a cycle. */
    private static final int MAX_REF_HOPS = 16;
    private static final String PATH_ITEMS = "#/components/pathItems/";
    private static final Pattern SUPPORTED_VERSION = Pattern.compile("3\\.[01](\\..*)?");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private final Node root;
    private final List<Route> routes;
    private final List<String> warnings;

    private OpenApiRoutes(Node root, List<Route> routes, List<String> warnings) {
        this.root = root;
        this.routes = List.copyOf(routes);
        this.warnings = List.copyOf(new LinkedHashSet<>(warnings)); // the parser repeats some findings once per operation
    }

    /**
     * Reads and compiles an OpenAPI 3.0 or 3.1 document.
     *
     * <p>A document that cannot yield routes is an error: an unreadable file, text that is not
     * YAML or JSON, a document that is not OpenAPI 3.0/3.1 (Swagger 2.0 included), one without
     * operations, a malformed path template or a path item whose {@code $ref} cannot be resolved.
     * Other findings of the parser, such as an operation without {@code responses}, do not affect
     * the routes and are kept as {@link #warnings()}, so that a document that is good enough to
     * route by does not stop an ingest.
     *
     * @throws Prod2TestException with {@link ErrorCode#INVALID_INPUT}, naming the file and, where
     *         known, the line or the field
     */
    public static OpenApiRoutes read(Path file) {
        String name = file.toString();
        String text = readText(file, name);
        JsonNode tree = syntax(text, name);
        checkIsOpenApi3(tree, name);

        SwaggerParseResult result;
        try {
            ParseOptions options = new ParseOptions();
            // Resolves $refs to other files, so a document split over several files has all its paths.
            options.setResolve(true);
            result = new OpenAPIV3Parser().readContents(text, null, options, file.toAbsolutePath().toUri().toString());
        } catch (RuntimeException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT,
                    name + ": the OpenAPI parser failed: " + Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        }
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages().stream()
                .filter(Objects::nonNull).map(OpenApiRoutes::oneLine).toList();
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            throw Prod2TestException.invalidInput(name, 0, null,
                    "not a valid OpenAPI document" + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
        }
        if (api.getPaths() == null || api.getPaths().isEmpty()) {
            throw Prod2TestException.invalidInput(name, 0, "paths",
                    "the document has no paths; route templates need at least one operation");
        }
        return compile(api, name, messages);
    }

    /**
     * The document's template for a concrete request, or empty when no operation of the document
     * has this method on a matching path.
     *
     * @param method the HTTP method, in any case
     * @param path the request path as logged: percent-encoded or not, with or without a query
     */
    public Optional<String> templateOf(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        if (end == 0 || path.charAt(0) != '/') {
            return Optional.empty(); // "*" (OPTIONS *) or an absolute URL: not a path a template can name
        }
        String upper = method.toUpperCase(Locale.ROOT); // the same instance when already upper case, as logs mostly have it
        Node node = match(root, split(path, end, true), 0, upper);
        return node == null ? Optional.empty() : Optional.of(node.templates.get(upper));
    }

    /** Every operation of the document, in document order, each (method, template) once. */
    public List<Route> routes() {
        return routes;
    }

    /**
     * What the parser and the compilation found that does not affect the routes (an operation
     * without responses, two templates that only differ in parameter names ...), for the user.
     */
    public List<String> warnings() {
        return warnings;
    }

    // ---- reading -------------------------------------------------------------------------------

    private static String readText(Path file, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, name + ": the OpenAPI document does not exist", e);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT,
                    name + ": the OpenAPI document cannot be read: " + Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Prod2TestException(ErrorCode.INVALID_INPUT, name + ": the OpenAPI document is not UTF-8 text", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark, as some editors on Windows write
        }
        if (text.isBlank()) {
            throw Prod2TestException.invalidInput(name, 0, null, "the file is empty; expected an OpenAPI 3 document in YAML or JSON");
        }
        return text;
    }

    /**
     * Parses the text once with Jackson before the OpenAPI parser sees it: a syntax error then
     * gets its line and column, and the parser, which logs such errors with stack traces, only
     * ever sees well-formed input.
     */
    private static JsonNode syntax(String text, String name) {
        boolean json = text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[");
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        try {
            JsonNode tree = mapper.readTree(text);
            if (tree == null || tree.isMissingNode()) {
                throw Prod2TestException.invalidInput(name, 0, null, "the file is empty; expected an OpenAPI 3 document in YAML or JSON");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? 0 : at.getLineNr();
            String column = at == null || at.getColumnNr() < 1 ? "" : " (column " + at.getColumnNr() + ")";
            throw new Prod2TestException(ErrorCode.INVALID_INPUT,
                    where(name, line) + ": not valid " + (json ? "JSON" : "YAML") + ": " + syntaxProblem(e.getOriginalMessage()) + column, e);
        }
    }

    private static void checkIsOpenApi3(JsonNode tree, String name) {
        if (!tree.isObject()) {
            throw Prod2TestException.invalidInput(name, 0, null,
                    "not an OpenAPI document: expected a mapping with an 'openapi' field, found " + tree.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        if (tree.has("swagger") && !tree.has("openapi")) {
            throw Prod2TestException.invalidInput(name, 0, "swagger",
                    "a Swagger " + tree.get("swagger").asText() + " document; only OpenAPI 3.0 and 3.1 are supported (convert it first, e.g. with swagger2openapi)");
        }
        JsonNode version = tree.get("openapi");
        if (version == null || !version.isValueNode()) {
            throw Prod2TestException.invalidInput(name, 0, "openapi", "not an OpenAPI document: the 'openapi' version field is missing");
        }
        if (!SUPPORTED_VERSION.matcher(version.asText()).matches()) {
            throw Prod2TestException.invalidInput(name, 0, "openapi",
                    "OpenAPI version " + version.asText() + " is not supported; expected 3.0.x or 3.1.x");
        }
    }

    // ---- compiling -----------------------------------------------------------------------------

    private static OpenApiRoutes compile(OpenAPI api, String name, List<String> messages) {
        Node root = new Node();
        Map<Route, Boolean> routes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>(messages);
        for (Map.Entry<String, PathItem> entry : api.getPaths().entrySet()) {
            String key = entry.getKey();
            String field = "paths.'" + key + "'";
            if (key == null || !key.startsWith("/")) {
                throw Prod2TestException.invalidInput(name, 0, field, "a path must start with '/'");
            }
            PathItem item = resolve(api, entry.getValue(), name, field, messages);
            Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
            if (operations.isEmpty()) {
                warnings.add(field + " has no operations");
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : operations.entrySet()) {
                String method = op.getKey().name();
                List<Server> servers = firstNonEmpty(op.getValue().getServers(), item.getServers(), api.getServers());
                for (String base : basePaths(servers)) {
                    String template = key.equals("/") && !base.isEmpty() ? base : base + key;
                    Node node;
                    try {
                        node = insert(root, template);
                    } catch (IllegalArgumentException e) {
                        throw Prod2TestException.invalidInput(name, 0, field, e.getMessage());
                    }
                    String existing = node.templates.putIfAbsent(method, template);
                    if (existing == null) {
                        routes.put(new Route(method, template), Boolean.TRUE);
                    } else if (!existing.equals(template)) {
                        // The specification calls such templates ambiguous; the first one in the document names them.
                        warnings.add(method + " " + template + " matches the same requests as " + method + " " + existing + "; using " + existing);
                    }
                }
            }
        }
        if (routes.isEmpty()) {
            throw Prod2TestException.invalidInput(name, 0, "paths", "the document defines no operations; route templates need at least one");
        }
        root.freeze();
        return new OpenApiRoutes(root, new ArrayList<>(routes.keySet()), warnings);
    }

    /**
     * The path item behind its {@code $ref}s. The parser resolves references to other files; a
     * 3.1 reference to {@code #/components/pathItems} it leaves for us (unless everything, schemas
     * included, is resolved, which is far more work than routes need).
     */
    private static PathItem resolve(OpenAPI api, PathItem item, String name, String field, List<String> messages) {
        if (item == null) {
            throw Prod2TestException.invalidInput(name, 0, field, "the path item is empty");
        }
        PathItem current = item;
        Map<PathItem.HttpMethod, Operation> own = new LinkedHashMap<>();
        List<Server> servers = null;
        for (int hops = 0; current.get$ref() != null; hops++) {
            String ref = current.get$ref();
            Map<String, PathItem> components = api.getComponents() == null ? null : api.getComponents().getPathItems();
            PathItem target = ref.startsWith(PATH_ITEMS) && components != null
                    ? components.get(unescapePointer(ref.substring(PATH_ITEMS.length()))) : null;
            if (target == null || hops >= MAX_REF_HOPS) {
                // The parser says why it could not load another file ("Unable to load RELATIVE ref ..."): pass that on.
                String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
                file = file.startsWith("./") ? file.substring(2) : file;
                String finalFile = file;
                List<String> why = file.isEmpty() ? List.of() : messages.stream().filter(m -> m.contains(finalFile)).toList();
                throw Prod2TestException.invalidInput(name, 0, field,
                        "its $ref '" + ref + "' cannot be resolved" + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")"));
            }
            // Fields next to a $ref (allowed in 3.1) win over the referenced ones.
            current.readOperationsMap().forEach(own::putIfAbsent);
            servers = firstNonEmpty(servers, current.getServers());
            current = target;
        }
        if (current == item) {
            return item;
        }
        PathItem merged = new PathItem();
        Map<PathItem.HttpMethod, Operation> operations = new LinkedHashMap<>(current.readOperationsMap());
        operations.putAll(own);
        operations.forEach(merged::operation);
        merged.setServers(firstNonEmpty(servers, current.getServers()));
        return merged;
    }

    private static String unescapePointer(String token) {
        return percentDecode(token).replace("~1", "/").replace("~0", "~");
    }

    @SafeVarargs
    private static List<Server> firstNonEmpty(List<Server>... candidates) {
        for (List<Server> servers : candidates) {
            if (servers != null && !servers.isEmpty()) {
                return servers;
            }
        }
        return null;
    }

    /** The base paths of the servers, without a trailing slash ("" for the root), each once. */
    static Set<String> basePaths(List<Server> servers) {
        Set<String> bases = new LinkedHashSet<>();
        if (servers == null) {
            bases.add("");
            return bases;
        }
        for (Server server : servers) {
            for (String url : expand(server)) {
                bases.add(pathOf(url));
            }
        }
        return bases;
    }

    /** The server's URL with its variables substituted: each enum value where there is an enum, else the default. */
    private static List<String> expand(Server server) {
        String url = server.getUrl() == null ? "/" : server.getUrl();
        List<String> urls = List.of(url);
        Map<String, ServerVariable> variables = server.getVariables() == null ? Map.of() : server.getVariables();
        for (Map.Entry<String, ServerVariable> variable : variables.entrySet()) {
            String placeholder = "{" + variable.getKey() + "}";
            if (!url.contains(placeholder) || variable.getValue() == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            List<String> enumeration = variable.getValue().getEnum();
            if (enumeration != null && !enumeration.isEmpty() && urls.size() * enumeration.size() <= MAX_EXPANSIONS) {
                values.addAll(enumeration);
            } else if (variable.getValue().getDefault() != null) {
                values.add(variable.getValue().getDefault());
            } else {
                continue; // left as {name}: in the base path it then matches any one segment
            }
            List<String> next = new ArrayList<>();
            for (String u : urls) {
                for (String value : values) {
                    next.add(u.replace(placeholder, value));
                }
            }
            urls = next;
        }
        return urls;
    }

    /**
     * The path part of a server URL: {@code https://api.example.com/v1/} is {@code /v1}, and so
     * is {@code /v1}. A relative URL without a leading slash is relative to wherever the document
     * is served, which a file does not say; it is taken from the root.
     */
    static String pathOf(String url) {
        String u = url.trim();
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c == '?' || c == '#') {
                u = u.substring(0, i);
                break;
            }
        }
        int scheme = u.indexOf("://");
        int authority = scheme >= 0 ? scheme + 3 : u.startsWith("//") ? 2 : -1;
        if (authority >= 0) {
            int slash = u.indexOf('/', authority);
            u = slash < 0 ? "" : u.substring(slash);
        } else {
            while (u.startsWith("./")) {
                u = u.substring(2);
            }
            if (u.equals(".")) {
                u = "";
            }
            if (!u.startsWith("/")) {
                u = "/" + u;
            }
        }
        int end = u.length();
        while (end > 0 && u.charAt(end - 1) == '/') {
            end--;
        }
        return u.substring(0, end);
    }

    private static Node insert(Node root, String template) {
        Node node = root;
        for (String segment : split(template, template.length(), false)) {
            Segment compiled = Segment.compile(segment, template);
            if (compiled == null) {
                node = node.literals.computeIfAbsent(percentDecode(segment), s -> new Node());
            } else if (compiled.isWholeParameter()) {
                if (node.parameter == null) {
                    node.parameter = new Node();
                }
                node = node.parameter;
            } else {
                Mixed mixed = null;
                for (Mixed m : node.mixed) {
                    if (m.segment.shape.equals(compiled.shape)) {
                        mixed = m;
                        break;
                    }
                }
                if (mixed == null) {
                    mixed = new Mixed(compiled, new Node());
                    node.mixed.add(mixed);
                }
                node = mixed.node;
            }
        }
        return node;
    }

    // ---- matching ------------------------------------------------------------------------------

    /**
     * The most specific node under {@code node} that matches the segments from {@code i} on and
     * defines {@code method}: literal children first, then mixed segments, then the parameter,
     * backtracking when a branch ends without a match.
     */
    private static Node match(Node node, String[] segments, int i, String method) {
        if (i == segments.length) {
            return node.templates.containsKey(method) ? node : null;
        }
        String segment = segments[i];
        Node literal = node.literals.get(segment);
        if (literal != null) {
            Node found = match(literal, segments, i + 1, method);
            if (found != null) {
                return found;
            }
        }
        if (segment.isEmpty()) {
            return null; // a parameter never matches an empty segment: /customers//cards is not /customers/{id}/cards
        }
        for (Mixed mixed : node.mixed) {
            if (mixed.segment.matches(segment)) {
                Node found = match(mixed.node, segments, i + 1, method);
                if (found != null) {
                    return found;
                }
            }
        }
        return node.parameter == null ? null : match(node.parameter, segments, i + 1, method);
    }

    /**
     * The segments of {@code path[0, end)}, which starts with '/'; one trailing slash makes no
     * segment. With {@code decode}, each segment is percent-decoded (after splitting, so an
     * encoded slash stays inside its segment).
     */
    private static String[] split(String path, int end, boolean decode) {
        if (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end <= 1) {
            return new String[0];
        }
        int count = 1;
        for (int i = 1; i < end; i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        String[] segments = new String[count];
        int start = 1;
        int n = 0;
        for (int i = 1; i <= end; i++) {
            if (i == end || path.charAt(i) == '/') {
                String segment = path.substring(start, i);
                segments[n++] = decode ? percentDecode(segment) : segment;
                start = i + 1;
            }
        }
        return segments;
    }

    /** Percent-decodes a path segment as UTF-8 ('+' stays '+', as in paths); a malformed one is kept as it is. */
    static String percentDecode(String segment) {
        int percent = segment.indexOf('%');
        if (percent < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        byte[] prefix = segment.substring(0, percent).getBytes(StandardCharsets.UTF_8);
        bytes.write(prefix, 0, prefix.length);
        for (int i = percent; i < segment.length(); ) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    return segment;
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return segment;
                }
                bytes.write((high << 4) | low);
                i += 3;
            } else {
                int next = i + 1;
                while (next < segment.length() && segment.charAt(next) != '%') {
                    next++;
                }
                byte[] plain = segment.substring(i, next).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
                i = next;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return segment; // %FF and the like: not UTF-8, so compared as written
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String where(String name, long line) {
        return line > 0 ? name + ":" + line : name;
    }

    /**
     * A parser's syntax error on one line. SnakeYAML writes context and problem each followed by
     * indented lines quoting the text ("while parsing a block mapping / in 'reader', line 3 ... /
     * expected &lt;block end&gt;, but found '}' / ..."): the unindented lines are the message. Jackson
     * points at a "[Source: REDACTED ...; line: 1, column: 1]", which is only the line and column.
     */
    static String syntaxProblem(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        String problem = parts.isEmpty() ? message.strip() : String.join(": ", parts);
        return SOURCE.matcher(problem).replaceAll("line $1, column $2");
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** A node of the segment trie: the templates (by method) that end here and the ways on. */
    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final List<Mixed> mixed = new ArrayList<>();
        Node parameter;
        final Map<String, String> templates = new HashMap<>(4);

        /** Orders mixed segments most specific first, everywhere below; done once all templates are in. */
        void freeze() {
            mixed.sort(Comparator.comparingInt((Mixed m) -> m.segment.literalLength).reversed());
            literals.values().forEach(Node::freeze);
            mixed.forEach(m -> m.node.freeze());
            if (parameter != null) {
                parameter.freeze();
            }
        }
    }

    private record Mixed(Segment segment, Node node) {
    }

    /**
     * A template segment with parameters: the literal texts around them ({@code {name}.{ext}} is
     * "", ".", ""). Matching finds the literals left to right, each parameter taking at least one
     * character and as few as it can, which is enough for the shapes real APIs use.
     */
    private static final class Segment {
        final String[] literals;
        /** The segment with parameter names erased ({@code {}.{}}): templates of one shape share a trie node. */
        final String shape;
        final int literalLength;

        private Segment(String[] literals) {
            this.literals = literals;
            this.shape = String.join("{}", literals);
            int length = 0;
            for (String literal : literals) {
                length += literal.length();
            }
            this.literalLength = length;
        }

        /** Null for a segment without parameters. */
        static Segment compile(String segment, String template) {
            if (segment.indexOf('{') < 0 && segment.indexOf('}') < 0) {
                return null;
            }
            List<String> literals = new ArrayList<>();
            int start = 0;
            int i = 0;
            while (i < segment.length()) {
                char c = segment.charAt(i);
                if (c == '}') {
                    throw new IllegalArgumentException("unbalanced '}' in the path template " + template);
                }
                if (c == '{') {
                    int close = segment.indexOf('}', i + 1);
                    int nested = segment.indexOf('{', i + 1);
                    if (close < 0 || (nested >= 0 && nested < close)) {
                        throw new IllegalArgumentException("unbalanced '{' in the path template " + template);
                    }
                    if (close == i + 1) {
                        throw new IllegalArgumentException("a parameter without a name in the path template " + template);
                    }
                    literals.add(percentDecode(segment.substring(start, i)));
                    i = close + 1;
                    start = i;
                } else {
                    i++;
                }
            }
            literals.add(percentDecode(segment.substring(start)));
            return new Segment(literals.toArray(String[]::new));
        }

        boolean isWholeParameter() {
            return literals.length == 2 && literals[0].isEmpty() && literals[1].isEmpty();
        }

        boolean matches(String value) {
            String first = literals[0];
            String last = literals[literals.length - 1];
            if (value.length() < literalLength + literals.length - 1 || !value.startsWith(first) || !value.endsWith(last)) {
                return false;
            }
            int at = first.length();
            int limit = value.length() - last.length();
            for (int k = 1; k < literals.length - 1; k++) {
                int found = value.indexOf(literals[k], at + 1); // the parameter before it takes at least one character
                if (found < 0 || found + literals[k].length() > limit) {
                    return false;
                }
                at = found + literals[k].length();
            }
            return limit - at >= 1; // and so does the last parameter
        }
    }
}
