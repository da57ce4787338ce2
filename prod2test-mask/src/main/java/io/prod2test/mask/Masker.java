package io.prod2test.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.Exchange;
import io.prod2test.mask.MaskingPolicy.Where;
import io.prod2test.mask.detect.Detection;
import io.prod2test.mask.detect.Detectors;
import io.prod2test.mask.surrogate.MaskingKey;
import io.prod2test.mask.surrogate.Surrogates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Masks exchanges, JSON, free text and database rows with one policy and one key, so that the
 * same personal value becomes the same surrogate wherever it appears: in a log body, a header, a
 * column. The entry point of the mask stage; thread-safe.
 *
 * <p>Every value a rule does not declare safe goes through the detectors (when the policy says
 * {@code detect: true}), and each finding is replaced by its kind's keyed, format-preserving
 * surrogate. What was replaced is counted in {@link #report()}.
 *
 * <p><b>Cost.</b> Masking is deterministic and traffic repeats itself, so a masker remembers, all
 * bounded and dropped when full (which costs only recomputation): each masked value by location,
 * field and strategy (the memo, whose entries keep what they counted so the report stays exact);
 * detections by what the detectors read of a field ({@link Detectors#contextKey}) and the value,
 * so that a value met under many paths is looked at once; surrogates by kind and value; and whole
 * request paths and cookie headers. {@link LogFileMasker} masks canonical log lines token by token
 * with the same memo ({@link ExchangeStreamer}); {@link #mask(Exchange)} is the reference it
 * must agree with byte for byte.
 */
public final class Masker {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Values longer than this are not remembered: long texts rarely repeat and would crowd out the values that do. */
    static final int MAX_VALUE_LENGTH = 512;
    /**
     * Entries per memo. The memos are what masking remembers, so they bound its memory: sized from
     * the heap (about one entry per 4 KiB of it, between 20,000 and 200,000) so that a pipeline run
     * in a small heap stays in it and a large heap remembers more.
     */
    private static final int MAX_ENTRIES = (int) Math.max(20_000, Math.min(200_000, Runtime.getRuntime().maxMemory() / 4096));
    private static final int MAX_SITES = 10_000;

    private final MaskingPolicy policy;
    private final Detectors detectors;
    private final Surrogates surrogates;
    private final MaskingReport report = new MaskingReport();
    private final Memo memo = new Memo();
    private final Bounded<DetectionKey, Entry> detections = new Bounded<>(MAX_ENTRIES, 1 << 14);
    private final Bounded<SurrogateKey, String> surrogateCache = new Bounded<>(MAX_ENTRIES, 1 << 12);
    private final Bounded<String, Masked> paths = new Bounded<>(50_000, 1 << 10);
    private final Bounded<String, Masked> cookieHeaders = new Bounded<>(50_000, 1 << 10);
    private final Bounded<String, Site> requestHeaderSites = new Bounded<>(MAX_SITES, 64);
    private final Bounded<String, Site> responseHeaderSites = new Bounded<>(MAX_SITES, 64);
    private final Bounded<String, Site> querySites = new Bounded<>(MAX_SITES, 16);
    private final Bounded<String, Site> cookieSites = new Bounded<>(MAX_SITES, 16);
    private final Bounded<String, Site> fieldSites = new Bounded<>(MAX_SITES, 16);

    /**
     * What masking one value did: the masked text ({@code null} when the value stays as it is) and
     * what to count in the report each time the value is met.
     */
    static final class Entry {
        private static final String[] NO_SOURCES = {};
        private static final PiiKind[] NO_KINDS = {};
        /** Nothing found, nothing replaced, nothing to count. */
        static final Entry UNCHANGED = new Entry(null, NO_SOURCES, NO_KINDS);

        /** The masked value, or {@code null} for the value itself. */
        final String masked;
        final String[] sources;
        final PiiKind[] kinds;
        /** Whether {@link #masked} holds a lone surrogate, which a UTF-8 writer cannot write as the reference way does. */
        final boolean lone;
        /** The report's counters, looked up the first time the entry is counted. */
        private volatile LongAdder[] counters;

        Entry(String masked, String[] sources, PiiKind[] kinds) {
            this.masked = masked;
            this.sources = sources;
            this.kinds = kinds;
            this.lone = masked != null && hasLoneSurrogate(masked);
        }

        String apply(String value) {
            return masked == null ? value : masked;
        }

        boolean counts() {
            return sources.length > 0;
        }
    }

    /** The memo of one location, field (without array indexes) and strategy: masked values by value. */
    static final class Slot {
        private final ConcurrentHashMap<String, Entry> values = new ConcurrentHashMap<>();
        /** Set when the memo dropped this slot; whoever holds it asks for a new one. */
        volatile boolean dead;

        Entry get(String value) {
            return values.get(value);
        }
    }

    /**
     * Masked values by (location, field, strategy, value), a slot per (location, field, strategy).
     * Each entry keeps what it counted, so the report stays exact. Bounded: cleared when full.
     */
    private static final class Memo {
        private static final int MAX_SLOTS = 20_000;

        /** @param field the field's path without array indexes: detectors read the field and its parent */
        private record SlotKey(Location location, String field, Strategy strategy) {
        }

        private final ConcurrentHashMap<SlotKey, Slot> slots = new ConcurrentHashMap<>();
        private final AtomicInteger size = new AtomicInteger();
        /** Counts the clears, so that whoever keeps entries beside the memo can drop them too. */
        private volatile int generation;

        static String field(FieldContext context) {
            return withoutIndexes(context.path());
        }

        static String withoutIndexes(String path) {
            if (path.indexOf('[') < 0) {
                return path;
            }
            StringBuilder out = new StringBuilder(path.length());
            boolean inIndex = false;
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '[') {
                    inIndex = true;
                    out.append("[]");
                } else if (c == ']') {
                    inIndex = false;
                } else if (!inIndex) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        Slot slot(Location location, String field, Strategy strategy) {
            SlotKey key = new SlotKey(location, field, strategy);
            Slot slot = slots.get(key);
            if (slot != null) {
                return slot;
            }
            if (slots.size() >= MAX_SLOTS) {
                clear(true);
            }
            return slots.computeIfAbsent(key, k -> new Slot());
        }

        void put(Slot slot, String value, Entry entry) {
            if (value.length() > MAX_VALUE_LENGTH || slot.dead) {
                return; // long texts rarely repeat and would crowd out the values that do
            }
            if (size.get() >= MAX_ENTRIES) {
                clear(false);
            }
            if (slot.values.put(value, entry) == null) {
                size.incrementAndGet();
            }
        }

        private void clear(boolean slotsToo) {
            for (Slot slot : slots.values()) {
                slot.values.clear();
                if (slotsToo) {
                    slot.dead = true;
                }
            }
            if (slotsToo) {
                slots.clear();
            }
            size.set(0);
            generation++;
        }
    }

    /**
     * A named location with its rule, resolved once: a header, query parameter, cookie or exchange
     * field. Its memo slot is looked up again if the memo dropped it.
     */
    final class Site {
        final Strategy strategy;
        /** Kept as it is: declared safe, or no rule and no detection. */
        final boolean keep;
        final FieldContext context;
        final String ruleSource;
        private final String memoField;
        private Slot slot;
        private Object contextKey;

        Site(Strategy strategy, FieldContext context, String ruleSource) {
            this.strategy = strategy;
            this.keep = skips(strategy);
            this.context = context;
            this.ruleSource = ruleSource;
            this.memoField = Memo.field(context);
        }

        Slot slot() {
            Slot s = slot;
            if (s == null || s.dead) {
                s = memo.slot(context.location(), memoField, strategy);
                slot = s;
            }
            return s;
        }

        Object contextKey() {
            Object key = contextKey;
            if (key == null) {
                key = detectors.contextKey(context);
                contextKey = key;
            }
            return key;
        }
    }

    /** A value masked as a whole from parts, each part's entry to count: a request path, a cookie header. */
    record Masked(String masked, Entry[] entries, boolean lone) {
        Masked(String masked, Entry[] entries) {
            this(masked, entries, hasLoneSurrogate(masked));
        }
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isLowSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private record DetectionKey(Object context, String value) {
    }

    private record SurrogateKey(PiiKind kind, String value) {
    }

    /** A concurrent map that forgets everything when full. */
    static final class Bounded<K, V> {
        private final int capacity;
        private final ConcurrentHashMap<K, V> map;

        Bounded(int capacity, int initial) {
            this.capacity = capacity;
            this.map = new ConcurrentHashMap<>(initial);
        }

        V get(K key) {
            return map.get(key);
        }

        void put(K key, V value) {
            if (map.size() >= capacity) {
                map.clear();
            }
            map.put(key, value);
        }
    }

    private Masker(MaskingPolicy policy, Detectors detectors, Surrogates surrogates) {
        this.policy = policy;
        this.detectors = detectors;
        this.surrogates = surrogates;
    }

    public static Masker create(MaskingPolicy policy, MaskingKey key) {
        return create(policy, Detectors.standard(), key);
    }

    public static Masker create(MaskingPolicy policy, Detectors detectors, MaskingKey key) {
        return new Masker(policy, detectors, Surrogates.builder(key).referenceDate(policy.referenceDate())
                .keepEmailCase(policy.keepEmailCase()).build());
    }

    public MaskingReport report() {
        return report;
    }

    MaskingPolicy policy() {
        return policy;
    }

    /** The exchange with every personal value in path, query, headers, bodies and its own fields replaced. */
    public Exchange mask(Exchange exchange) {
        return exchange.toBuilder()
                .path(maskPath(exchange.path()))
                .query(maskQuery(exchange.query()))
                .requestHeaders(maskHeaders(exchange.requestHeaders(), Location.REQUEST_HEADER))
                .requestBody(maskJson(exchange.requestBody(), Location.REQUEST_BODY))
                .responseHeaders(maskHeaders(exchange.responseHeaders(), Location.RESPONSE_HEADER))
                .responseBody(maskJson(exchange.responseBody(), Location.RESPONSE_BODY))
                .sessionId(maskField("sessionId", exchange.sessionId()))
                .userId(maskField("userId", exchange.userId()))
                .clientIp(maskField("clientIp", exchange.clientIp()))
                .build();
    }

    /**
     * The value an identifier surrogate replaced ({@link io.prod2test.mask.surrogate.Surrogates#identifier}
     * is a keyed bijection): how whoever holds the key finds a masked key's row in production, e.g.
     * for a scenario's {@code setup.sql}. A value that is no surrogate gives some other value of
     * its shape, so callers look the result up and fall back to the value as given.
     */
    public String unmaskIdentifier(String surrogate) {
        return surrogates.identifierInverse(surrogate);
    }

    /** A masker of canonical log lines as bytes that shares this masker's memo and report; one per thread. */
    public LineMasker lineMasker() {
        return new LineMasker(this);
    }

    /**
     * A database row with its columns masked by the {@code column} rules ({@code table.column},
     * then {@code *.column}) and the detectors. Strings, numbers and dates keep their Java type;
     * other values (binary, arrays) are kept only when no rule names them.
     */
    public Map<String, Object> maskRow(String table, Map<String, Object> row) {
        Map<String, Object> masked = new LinkedHashMap<>();
        row.forEach((column, value) -> masked.put(column, maskColumn(table, column, value)));
        return masked;
    }

    /**
     * Free text with no structure known, e.g. a quarantined record. Always run through the
     * detectors, whatever the policy says: no rule can name free text safe, and a record that
     * could not be read must not leave unmasked.
     */
    public String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Entry entry = detected(text, FieldContext.text());
        count(entry);
        return entry.apply(text);
    }

    /** A JSON document found at {@code location}: rules by body path first, detectors for the rest. */
    public JsonNode maskJson(JsonNode node, Location location) {
        if (node == null) {
            return null;
        }
        return maskNode(node, location, new ArrayList<>(), null);
    }

    private Object maskColumn(String table, String column, Object value) {
        if (value == null) {
            return null;
        }
        String qualified = table + "." + column;
        Strategy strategy = policy.strategyFor(Where.COLUMN, qualified);
        FieldContext field = new FieldContext(Location.COLUMN, column, qualified);
        String source = "rule column " + qualified;
        if (value instanceof String s) {
            return apply(strategy, s, field, source);
        }
        if (value instanceof LocalDate || value instanceof java.sql.Date) {
            LocalDate date = value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
            String masked = apply(strategy, date.toString(), field, source);
            LocalDate result = LocalDate.parse(masked);
            return value instanceof java.sql.Date ? java.sql.Date.valueOf(result) : result;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger || value instanceof BigDecimal) {
            String masked = apply(strategy, value.toString(), field, source);
            return sameNumberType(value, masked);
        }
        return value;
    }

    private static Object sameNumberType(Object original, String masked) {
        try {
            if (original instanceof Long) {
                return Long.parseLong(masked);
            }
            if (original instanceof Integer) {
                return Integer.parseInt(masked);
            }
            if (original instanceof BigInteger) {
                return new BigInteger(masked);
            }
            return new BigDecimal(masked);
        } catch (NumberFormatException e) {
            return masked; // a surrogate that is no longer a number: the column rule asked for text
        }
    }

    private String maskPath(String path) {
        Masked masked = maskedPath(path);
        count(masked.entries());
        return masked.masked();
    }

    /** A request path with its segments masked, remembered whole: a path recurs with every request for it. */
    Masked maskedPath(String path) {
        Masked known = paths.get(path);
        if (known != null) {
            return known;
        }
        Masked masked = computePath(path);
        if (path.length() <= MAX_VALUE_LENGTH) {
            paths.put(path, masked);
        }
        return masked;
    }

    private Masked computePath(String path) {
        if (path.length() <= 1) {
            return new Masked(path, new Entry[0]);
        }
        String[] segments = path.split("/", -1);
        List<Entry> entries = new ArrayList<>(2);
        String previous = null;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (!segment.isEmpty()) {
                Strategy strategy = previous == null ? null : policy.strategyFor(Where.PATH_SEGMENT, previous);
                String decoded = PathSegments.decode(segment);
                if (!decoded.isEmpty() && !skips(strategy)) {
                    // Detections depend on the path only through what Detectors.contextKey reads, and
                    // the whole path is remembered above, so the segment goes straight to compute.
                    Entry entry = compute(strategy, decoded, new FieldContext(Location.PATH_SEGMENT, previous, path),
                            "rule path-segment " + previous);
                    if (entry.counts()) {
                        entries.add(entry);
                    }
                    String masked = entry.apply(decoded);
                    if (!masked.equals(decoded)) {
                        segments[i] = java.net.URLEncoder.encode(masked, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
                    }
                }
            }
            previous = segment;
        }
        return new Masked(String.join("/", segments), entries.toArray(new Entry[0]));
    }

    private Map<String, List<String>> maskQuery(Map<String, List<String>> query) {
        if (query == null) {
            return null;
        }
        Map<String, List<String>> masked = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            Site site = querySite(name);
            masked.put(name, values.stream().map(v -> apply(site, v, null)).toList());
        });
        return masked;
    }

    private Map<String, String> maskHeaders(Map<String, String> headers, Location location) {
        if (headers == null) {
            return null;
        }
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.equals("cookie")) {
                masked.put(name, maskedCookies(value, null).masked());
            } else {
                masked.put(name, apply(headerSite(location, name), value, null));
            }
        });
        return masked;
    }

    /** A {@code cookie} header with each cookie's value masked; the entries to count go to {@code pending} ({@code null}: counted now). */
    Masked maskedCookies(String header, List<Entry> pending) {
        return maskedCookies(header, pending, false);
    }

    /** As {@link #maskedCookies(String, List)}; with {@code uncounted}, nothing is counted: the caller counts the entries. */
    Masked maskedCookies(String header, List<Entry> pending, boolean uncounted) {
        Masked known = cookieHeaders.get(header);
        if (known == null) {
            known = computeCookies(header);
            if (header.length() <= MAX_VALUE_LENGTH) {
                cookieHeaders.put(header, known);
            }
        }
        if (!uncounted) {
            tally(known.entries(), pending);
        }
        return known;
    }

    private Masked computeCookies(String header) {
        StringBuilder out = new StringBuilder(header.length());
        List<Entry> entries = new ArrayList<>(2);
        for (String pair : header.split(";", -1)) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                out.append(pair);
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1);
            out.append(pair, 0, eq + 1).append(apply(cookieSite(name), value, entries));
        }
        return new Masked(out.toString(), entries.toArray(new Entry[0]));
    }

    private String maskField(String name, String value) {
        if (value == null) {
            return null;
        }
        return apply(fieldSite(name), value, null);
    }

    Site headerSite(Location location, String name) {
        Bounded<String, Site> sites = location == Location.REQUEST_HEADER ? requestHeaderSites
                : location == Location.RESPONSE_HEADER ? responseHeaderSites : null;
        if (sites == null) {
            return new Site(policy.strategyFor(Where.HEADER, name), FieldContext.of(location, name), "rule header " + name);
        }
        Site site = sites.get(name);
        if (site == null) {
            site = new Site(policy.strategyFor(Where.HEADER, name), FieldContext.of(location, name), "rule header " + name);
            sites.put(name, site);
        }
        return site;
    }

    Site querySite(String name) {
        Site site = querySites.get(name);
        if (site == null) {
            site = new Site(policy.strategyFor(Where.QUERY, name), FieldContext.of(Location.QUERY, name), "rule query " + name);
            querySites.put(name, site);
        }
        return site;
    }

    private Site cookieSite(String name) {
        Site site = cookieSites.get(name);
        if (site == null) {
            site = new Site(policy.strategyFor(Where.COOKIE, name), FieldContext.of(Location.COOKIE, name), "rule cookie " + name);
            cookieSites.put(name, site);
        }
        return site;
    }

    Site fieldSite(String name) {
        Site site = fieldSites.get(name);
        if (site == null) {
            site = new Site(policy.strategyFor(Where.FIELD, name), new FieldContext(Location.TEXT, name, name), "rule field " + name);
            fieldSites.put(name, site);
        }
        return site;
    }

    private JsonNode maskNode(JsonNode node, Location location, List<Object> path, String fieldName) {
        if (node.isObject()) {
            ObjectNode masked = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                path.add(field.getKey());
                masked.set(field.getKey(), maskNode(field.getValue(), location, path, field.getKey()));
                path.remove(path.size() - 1);
            }
            return masked;
        }
        if (node.isArray()) {
            ArrayNode masked = NODES.arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                masked.add(maskNode(node.get(i), location, path, fieldName));
                path.remove(path.size() - 1);
            }
            return masked;
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            return node; // booleans, null and decimals (amounts) carry nothing personal on their own
        }
        Strategy strategy = policy.strategyForBody(path);
        String text = node.isTextual() ? node.textValue() : node.asText();
        if (text.isEmpty() || skips(strategy)) {
            return node;
        }
        String jsonPath = jsonPath(path);
        FieldContext field = new FieldContext(location, fieldName, jsonPath);
        Slot slot = memo.slot(location, Memo.field(field), strategy);
        Entry entry = slot.get(text);
        if (entry == null) {
            entry = compute(strategy, text, field, "rule body " + jsonPath);
            memo.put(slot, text, entry);
        }
        count(entry);
        String masked = entry.apply(text);
        if (masked.equals(text)) {
            return node;
        }
        if (node.isIntegralNumber() && isNumber(masked)) {
            return NODES.numberNode(new BigInteger(masked));
        }
        return NODES.textNode(masked);
    }

    /** Whether a masked integer can stay a JSON number: digits only (any script), no leading zero. */
    static boolean isNumber(String masked) {
        return masked.chars().allMatch(Character::isDigit) && !masked.isEmpty() && masked.charAt(0) != '0';
    }

    static String jsonPath(List<Object> path) {
        StringBuilder out = new StringBuilder("$");
        for (Object step : path) {
            if (step instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else {
                out.append('.').append(step);
            }
        }
        return out.toString();
    }

    /** The memo field of a body path: its JSON path without array indexes. */
    static String memoField(String jsonPath) {
        return Memo.withoutIndexes(jsonPath);
    }

    /** Whether values under {@code strategy} are kept without a look: declared safe, or no rule and no detection. */
    boolean skips(Strategy strategy) {
        return strategy == Strategy.KEEP || (strategy == null && !policy.detect());
    }

    /** Changes whenever the memo is cleared: {@link ExchangeStreamer}'s value tables are cleared with it, to stay a view of the memo. */
    int memoGeneration() {
        return memo.generation;
    }

    Slot bodySlot(Location location, String memoField, Strategy strategy) {
        return memo.slot(location, memoField, strategy);
    }

    void remember(Slot slot, String value, Entry entry) {
        memo.put(slot, value, entry);
    }

    private String apply(Strategy strategy, String value, FieldContext field, String ruleSource) {
        if (value == null || value.isEmpty() || skips(strategy)) {
            return value;
        }
        Slot slot = memo.slot(field.location(), Memo.field(field), strategy);
        Entry entry = slot.get(value);
        if (entry == null) {
            entry = compute(strategy, value, field, ruleSource);
            memo.put(slot, value, entry);
        }
        count(entry);
        return entry.apply(value);
    }

    /** The value masked at {@code site}; the entry to count goes to {@code pending}, or is counted now when that is {@code null}. */
    String apply(Site site, String value, List<Entry> pending) {
        if (value == null || value.isEmpty() || site.keep) {
            return value;
        }
        Entry entry = entry(site, value);
        tally(entry, pending);
        return entry.apply(value);
    }

    /** What masking {@code value} at {@code site} does, from the memo or computed; not counted. */
    Entry entry(Site site, String value) {
        Slot slot = site.slot();
        Entry entry = slot.get(value);
        if (entry == null) {
            entry = compute(site.strategy, value, site.context, site.ruleSource, site);
            memo.put(slot, value, entry);
        }
        return entry;
    }

    /**
     * What the detectors read of {@code field} (see {@link Detectors#contextKey}), for a body field
     * of {@code samplePath} (array indexes 0): the same for every index when only built-in
     * detectors run; {@code null} when it is not, and each value's own field must be asked.
     */
    Object bodyContextKey(Location location, String fieldName, String sampleJsonPath) {
        Object key = detectors.contextKey(new FieldContext(location, fieldName, sampleJsonPath));
        return key instanceof FieldContext ? null : key;
    }

    /** Masks a value no memo knows: by the rule's strategy, or by the detectors. */
    Entry compute(Strategy strategy, String value, FieldContext field, String ruleSource) {
        return compute(strategy, value, field, ruleSource, null);
    }

    /** As {@link #compute(Strategy, String, FieldContext, String)}, with what the detectors read of the field when known ({@link Site}, or a key). */
    Entry compute(Strategy strategy, String value, FieldContext field, String ruleSource, Object knownContext) {
        if (strategy == null || strategy == Strategy.DETECT) {
            return detected(value, field, knownContext);
        }
        if (strategy != Strategy.REDACT && policy.isPublic(value)) {
            return Entry.UNCHANGED;
        }
        String masked = strategy == Strategy.REDACT ? Strategy.REDACTED : surrogate(strategy.kind(), value);
        return new Entry(masked, new String[] {ruleSource}, new PiiKind[] {strategy.kind()});
    }

    private Entry detected(String text, FieldContext field) {
        return detected(text, field, null);
    }

    private Entry detected(String text, FieldContext field, Object knownContext) {
        DetectionKey key = null;
        if (text.length() <= MAX_VALUE_LENGTH) {
            Object context = knownContext instanceof Site site ? site.contextKey()
                    : knownContext != null ? knownContext : detectors.contextKey(field);
            key = new DetectionKey(context, text);
        }
        if (key != null) {
            Entry known = detections.get(key);
            if (known != null) {
                return known;
            }
        }
        List<Detection> found = detectors.detect(text, field);
        if (!policy.publicValues().isEmpty() && !found.isEmpty()) {
            found = found.stream().filter(d -> !policy.isPublic(text.substring(d.start(), d.end()))).toList();
        }
        Entry entry;
        if (found.isEmpty()) {
            entry = Entry.UNCHANGED;
        } else {
            StringBuilder out = new StringBuilder(text.length() + 16);
            String[] sources = new String[found.size()];
            PiiKind[] kinds = new PiiKind[found.size()];
            int at = 0;
            for (int i = 0; i < found.size(); i++) {
                Detection d = found.get(i);
                out.append(text, at, d.start());
                out.append(surrogate(d.kind(), text.substring(d.start(), d.end())));
                sources[i] = "detector " + d.detector();
                kinds[i] = d.kind();
                at = d.end();
            }
            entry = new Entry(out.append(text, at, text.length()).toString(), sources, kinds);
        }
        if (key != null) {
            detections.put(key, entry);
        }
        return entry;
    }

    private String surrogate(PiiKind kind, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return surrogates.surrogate(kind, value);
        }
        SurrogateKey key = new SurrogateKey(kind, value);
        String known = surrogateCache.get(key);
        if (known == null) {
            known = surrogates.surrogate(kind, value);
            surrogateCache.put(key, known);
        }
        return known;
    }

    private void tally(Entry entry, List<Entry> pending) {
        if (!entry.counts()) {
            return;
        }
        if (pending != null) {
            pending.add(entry);
        } else {
            count(entry);
        }
    }

    private void tally(Entry[] entries, List<Entry> pending) {
        for (Entry entry : entries) {
            if (pending != null) {
                pending.add(entry);
            } else {
                count(entry);
            }
        }
    }

    private void count(Entry[] entries) {
        for (Entry entry : entries) {
            count(entry);
        }
    }

    /** Adds what {@code entry} replaced to the report. */
    void count(Entry entry) {
        int n = entry.sources.length;
        if (n == 0) {
            return;
        }
        LongAdder[] counters = entry.counters;
        if (counters == null) {
            counters = new LongAdder[n];
            for (int i = 0; i < n; i++) {
                counters[i] = report.counter(entry.sources[i], entry.kinds[i]);
            }
            entry.counters = counters;
        }
        for (LongAdder counter : counters) {
            counter.increment();
        }
    }
}
