package io.prod2test.generate.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.runner.scenario.Capture;
import io.prod2test.runner.scenario.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the values a session's responses hand to its later requests (ids, tokens, Location headers,
 * cursors) by matching values across the session, and turns them into captures and {@code ${name}}
 * references, so that a replay uses what the system returns on that run instead of what it
 * returned in production.
 *
 * <p>A value counts when a response produced it (it is not in that step's own request, nor in any
 * earlier request unless that request got it from a capture), it is long enough not to match by
 * chance (6 characters or more) and it looks made for the run ({@link #varyByRun}).
 */
final class Captures {
    static final int MIN_LENGTH = 6;
    private static final Pattern LOCATION_TAIL = Pattern.compile("/([^/?#]+)$");

    /** Headers that belong to the recording, not to the request: the runner sends its own. */
    private static final Set<String> DROPPED_HEADERS = Set.of("host", "content-length", "cookie", "connection", "user-agent",
            "accept-encoding", "accept-language", "traceparent", "tracestate", "x-forwarded-for", "x-real-ip", "x-forwarded-proto",
            "x-forwarded-host", "x-request-id", "x-session-id", "authorization", "transfer-encoding", "expect");

    /** Where a value a later request uses came from. */
    record Source(int step, Capture capture) {
    }

    /**
     * The session's steps with references in place of captured values.
     *
     * @param requests  one request per exchange, references in place
     * @param captures  per step, what to capture from its response
     * @param bindings  per step, the values captured by the time its response arrives (value text -> capture name)
     * @param producedBy per step, the values its own response produced that a later step uses (value -> name)
     */
    record Result(List<Request> requests, List<List<Capture>> captures, List<Map<String, String>> bindings,
                  List<Map<String, String>> producedBy) {
    }

    private Captures() {
    }

    /** Detects the captures of {@code session}, its exchanges in time order. */
    static Result detect(List<SessionExchange> session) {
        int n = session.size();
        List<Map<String, Capture>> captures = new ArrayList<>();
        List<Map<String, String>> produced = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            captures.add(new LinkedHashMap<>());
            produced.add(new LinkedHashMap<>());
        }
        Map<String, String> known = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        List<Request> requests = new ArrayList<>();
        List<Map<String, String>> bindings = new ArrayList<>();
        Map<String, String> idempotencyKeys = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            SessionExchange e = session.get(i);
            Map<String, Source> offered = offered(session, i);
            Request request = rewrite(e, (value, hint) -> {
                String name = known.get(value);
                if (name != null) {
                    return name;
                }
                Source source = offered.get(value);
                if (source == null) {
                    return null;
                }
                // Named as the request that uses it calls it (/orders/{x} -> orderId), else after its producer.
                String unique = unique(hint != null ? hint : source.capture().name(), names);
                Capture capture = new Capture(unique, source.capture().from(), source.capture().locator(), source.capture().pattern());
                captures.get(source.step()).put(unique, capture);
                produced.get(source.step()).put(value, unique);
                known.put(value, unique);
                return unique;
            });
            request = runUniqueKey(request, idempotencyKeys, known);
            requests.add(request);
            // What the response is checked against: everything captured up to and including this request.
            bindings.add(Map.copyOf(known));
        }
        List<List<Capture>> out = captures.stream().map(m -> List.copyOf(m.values())).toList();
        return new Result(List.copyOf(requests), out, List.copyOf(bindings), produced.stream().map(Map::copyOf).toList());
    }

    /**
     * Values the responses before step {@code upTo} produced, by text, the latest producer first:
     * body string leaves and the Location header (whole, and its last segment).
     */
    private static Map<String, Source> offered(List<SessionExchange> session, int upTo) {
        Map<String, Source> out = new LinkedHashMap<>();
        Set<String> sent = new HashSet<>();
        for (int j = 0; j < upTo; j++) {
            SessionExchange e = session.get(j);
            sent.addAll(leaves(e));
            Set<String> own = sent;
            String route = e.route();
            int step = j;
            if (e.responseBody() != null) {
                walk(e.responseBody(), "", (pointer, value) -> {
                    if (value.isTextual() && varyByRun(value.asText()) && !own.contains(value.asText())) {
                        out.put(value.asText(), new Source(step, Capture.body(nameFor(route, pointer), pointer)));
                    }
                });
            }
            String location = e.responseHeaders().get("location");
            if (location != null && location.length() >= MIN_LENGTH) {
                out.put(location, new Source(j, Capture.header("location", "Location", null)));
                var m = LOCATION_TAIL.matcher(location);
                if (m.find() && m.group(1).length() >= MIN_LENGTH && !own.contains(m.group(1))) {
                    out.put(m.group(1), new Source(j, Capture.header(nameFor(route, "/id"), "Location", "/([^/?#]+)$")));
                }
            }
        }
        return out;
    }

    /**
     * Whether a value looks made by the system for this run (an id, a timestamp, a token or cursor)
     * rather than read from stable data (a catalogue's SKU): only such values are captured, the
     * others stay literal and are compared.
     */
    static boolean varyByRun(String text) {
        if (text.length() < MIN_LENGTH) {
            return false;
        }
        return VariableFields.generated(text) || (text.length() >= 12 && text.matches("[A-Za-z0-9+/=_.:-]+")
                && text.chars().anyMatch(Character::isLowerCase) && text.chars().anyMatch(Character::isUpperCase)
                && text.chars().anyMatch(Character::isDigit));
    }

    /** The request of {@code e} without recording headers, each value {@code reference} knows replaced by {@code ${name}}. */
    private static Request rewrite(SessionExchange e, java.util.function.BiFunction<String, String, String> reference) {
        StringBuilder path = new StringBuilder();
        String previous = null;
        for (String segment : e.path().substring(1).split("/", -1)) {
            String hint = previous == null || previous.isEmpty() ? null : nameFor("GET /" + previous, "/id");
            String name = segment.length() >= MIN_LENGTH ? reference.apply(segment, hint) : null;
            path.append('/').append(name != null ? "${" + name + "}" : escape(segment));
            previous = name != null ? null : segment;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        e.query().forEach((k, values) -> query.put(k, values.stream().map(v -> {
            String name = v.length() >= MIN_LENGTH ? reference.apply(v, null) : null;
            return name != null ? "${" + name + "}" : escape(v);
        }).toList()));
        Map<String, String> headers = new LinkedHashMap<>();
        e.requestHeaders().forEach((k, v) -> {
            if (DROPPED_HEADERS.contains(k) || k.startsWith("sec-")) {
                return;
            }
            String name = v.length() >= MIN_LENGTH ? reference.apply(v, null) : null;
            headers.put(headerName(k), name != null ? "${" + name + "}" : escape(v));
        });
        JsonNode body = e.requestBody() == null ? null : rewrite(e.requestBody(), reference);
        return new Request(e.method(), path.toString(), query, headers, body, null);
    }

    private static JsonNode rewrite(JsonNode node, java.util.function.BiFunction<String, String, String> reference) {
        if (node.isTextual()) {
            String text = node.asText();
            String name = text.length() >= MIN_LENGTH ? reference.apply(text, null) : null;
            return JsonNodeFactory.instance.textNode(name != null ? "${" + name + "}" : escape(text));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(p -> out.set(escape(p.getKey()), rewrite(p.getValue(), reference)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(rewrite(child, reference)));
            return out;
        }
        return node.deepCopy();
    }

    /**
     * An Idempotency-Key from production would be seen again on every run, and by services the
     * runner does not reset (the shop passes its key on to payments), which would answer a replay
     * with the first run's payment or a 409. So a key becomes unique per run by carrying a value
     * this run's system generated (an id, not a catalogue value a response merely listed), the latest
     * one captured before it; the same production key maps
     * to the same run key, so retries within the scenario stay retries.
     */
    private static Request runUniqueKey(Request request, Map<String, String> keys, Map<String, String> known) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        boolean changed = false;
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("idempotency-key") || h.getValue().contains("${") || known.isEmpty()) {
                continue;
            }
            String latest = null;
            for (Map.Entry<String, String> value : known.entrySet()) {
                if (VariableFields.generated(value.getKey())) {
                    latest = value.getValue();
                }
            }
            if (latest == null) {
                continue;
            }
            String run = latest;
            String key = keys.computeIfAbsent(h.getValue(), k -> "p2t-" + (keys.size() + 1) + "-${" + run + "}");
            headers.put(h.getKey(), key);
            changed = true;
        }
        return changed ? new Request(request.method(), request.path(), request.query(), headers, request.body(), request.bodyText()) : request;
    }

    /** Every string and number the exchange's request carries, as text: values the client already knew. */
    static Set<String> leaves(SessionExchange e) {
        Set<String> out = new HashSet<>(List.of(e.path().split("/")));
        e.query().values().forEach(out::addAll);
        out.addAll(e.requestHeaders().values());
        if (e.requestBody() != null) {
            walk(e.requestBody(), "", (p, v) -> out.add(v.asText()));
        }
        return out;
    }

    /** Calls {@code visit} with the JSON pointer and value of every scalar leaf under {@code node}. */
    static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            node.properties().forEach(p -> walk(p.getValue(), pointer + "/" + p.getKey().replace("~", "~0").replace("/", "~1"), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visit);
            }
        } else if (!node.isNull()) {
            visit.accept(pointer, node);
        }
    }

    /**
     * A reference name a reader understands: {@code /id} of {@code POST /carts} is {@code cartId},
     * {@code /items/0/id} is {@code itemId}, {@code /nextCursor} stays {@code nextCursor}.
     */
    static String nameFor(String route, String pointer) {
        String[] tokens = pointer.substring(Math.min(1, pointer.length())).split("/");
        String last = tokens.length == 0 ? "" : tokens[tokens.length - 1];
        if (!last.equals("id") && !last.isEmpty() && !last.chars().allMatch(Character::isDigit)) {
            return identifier(last);
        }
        String owner = null;
        for (int i = tokens.length - 2; i >= 0 && owner == null; i--) {
            if (!tokens[i].chars().allMatch(Character::isDigit)) {
                owner = tokens[i];
            }
        }
        if (owner == null) {
            String[] segments = route.substring(route.indexOf(' ') + 1).split("/");
            for (int i = segments.length - 1; i >= 0 && owner == null; i--) {
                if (!segments[i].isEmpty() && !segments[i].startsWith("{")) {
                    owner = segments[i];
                }
            }
        }
        return identifier(singular(owner == null ? "value" : owner) + (last.equals("id") ? "Id" : ""));
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && word.length() > 1 ? word.substring(0, word.length() - 1) : word;
    }

    private static String identifier(String text) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = out.length() > 0;
            }
        }
        if (out.isEmpty() || !Character.isLetter(out.charAt(0))) {
            out.insert(0, 'v');
        }
        return out.toString();
    }

    private static String unique(String base, Set<String> names) {
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + i;
        }
        return name;
    }

    /** A literal {@code ${} in recorded data must not read as a reference. */
    static String escape(String text) {
        return text.replace("${", "$${");
    }

    private static String headerName(String lower) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : lower.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '-';
        }
        return out.toString().toLowerCase(Locale.ROOT).equals(lower) ? out.toString() : lower;
    }
}
