package io.prod2test.mask;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.prod2test.mask.Masker.Entry;
import io.prod2test.mask.Masker.Site;
import io.prod2test.mask.Masker.Slot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Masks one line of a canonical log token by token: a Jackson parser copied into a generator,
 * each value masked on the way with the field context {@link Masker#mask(io.prod2test.api.Exchange)}
 * gives it, so that the output is byte for byte what reading the line into an
 * {@link io.prod2test.api.Exchange}, masking it and writing it back gives — without building the
 * exchange and its body trees.
 *
 * <p>The fast path takes only what it can copy exactly, and gives up ({@link #mask} returns
 * {@code false}, the caller then takes the reference way) on anything else: fields out of the
 * canonical order of {@code ExchangeJson} (it does not reorder), a field twice, a required field
 * (ts, method, path, status) missing or invalid (the reference way then quarantines the line with
 * its own message), a value of another JSON type than the canonical one (which the reference way
 * would coerce, e.g. {@code "status":"200"}), a timestamp not already in the form the reference
 * way writes, header names not in lower case, a key twice in an object (the reference way keeps
 * the last value at the first place), numbers in exponent form, and any exception. Unknown fields
 * are dropped, as the reference way drops them.
 *
 * <p>The line must be valid UTF-8 without escaped surrogates ({@link Utf8#plain}), and a masked
 * value must not hold a lone surrogate, which the reference way writes as {@code ?}.
 *
 * <p>Values are looked up first in a {@link ValueTable} per body node or named site, by the
 * parser's characters, then in the masker's memo, and computed only when neither knows them; the
 * rule, memo slot and detection context of a body path are resolved once per path (array indexes
 * aside) in a tree of {@code Node}s.
 *
 * <p>What a line replaced is counted in the report only when the line is written, so a line that
 * falls back is counted once, by the reference way. Not thread-safe: one per file.
 */
final class ExchangeStreamer {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    /** Objects with more fields go to the reference way: duplicate keys are looked for pairwise. */
    private static final int MAX_FIELDS = 256;
    /** Above this many body nodes remembered the tree starts over, for bodies keyed by ids. */
    private static final int MAX_NODES = 50_000;

    // The canonical order of ExchangeJson (Exchange's @JsonPropertyOrder).
    private static final int TS = 0;
    private static final int SERVICE = 1;
    private static final int METHOD = 2;
    private static final int PATH = 3;
    private static final int QUERY = 4;
    private static final int REQUEST_HEADERS = 5;
    private static final int REQUEST_BODY = 6;
    private static final int STATUS = 7;
    private static final int RESPONSE_HEADERS = 8;
    private static final int RESPONSE_BODY = 9;
    private static final int DURATION_MS = 10;
    private static final int SESSION_ID = 11;
    private static final int USER_ID = 12;
    private static final int TRACE_ID = 13;
    private static final int CLIENT_IP = 14;
    private static final SerializableString[] NAMES = names("ts", "service", "method", "path", "query", "requestHeaders",
            "requestBody", "status", "responseHeaders", "responseBody", "durationMs", "sessionId", "userId", "traceId", "clientIp");

    /** Leaves the fast path; the line is masked the reference way. */
    private static final class NotCanonical extends Exception {
        private static final NotCanonical INSTANCE = new NotCanonical();

        private NotCanonical() {
            super("not a canonical exchange line", null, false, false);
        }
    }

    /** A body location by its field names, array steps as {@code []}: what a value's rule, memo slot and context are. */
    private final class Node {
        final Node parent;
        final String name;
        final boolean element;
        final int depth;
        /** The field name a value here is masked under: its own, an array's for its elements, none at the root. */
        final String fieldName;
        final Strategy strategy;
        final boolean keep;
        final String memoField;
        /** What the detectors read of the field, the same at every index; {@code null}: ask per value. */
        final Object contextKey;
        private final Slot[] slots = new Slot[2];
        private final ValueTable[] tables = new ValueTable[2];
        private HashMap<String, Node> children;
        private Node elements;

        Node(Node parent, String name, boolean element, List<Object> samplePath) {
            this.parent = parent;
            this.name = name;
            this.element = element;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.fieldName = element ? parent.fieldName : name;
            this.strategy = masker.policy().strategyForBody(samplePath);
            this.keep = masker.skips(strategy);
            String sampleJsonPath = Masker.jsonPath(samplePath);
            this.memoField = Masker.memoField(sampleJsonPath);
            // bodies of requests and responses differ only in location, which the detectors do not read
            this.contextKey = masker.bodyContextKey(Location.REQUEST_BODY, fieldName, sampleJsonPath);
            nodes++;
        }

        Node child(String field) {
            if (children == null) {
                children = new HashMap<>();
            }
            Node child = children.get(field);
            if (child == null) {
                child = new Node(this, field, false, samplePath(field));
                children.put(field, child);
            }
            return child;
        }

        Node elements() {
            if (elements == null) {
                elements = new Node(this, null, true, samplePath(0));
            }
            return elements;
        }

        /** A path to this node's child with every array index 0: rules and memo fields do not read indexes. */
        private List<Object> samplePath(Object step) {
            List<Object> path = new ArrayList<>(depth + 1);
            for (Node n = this; n.parent != null; n = n.parent) {
                path.add(n.element ? (Object) 0 : n.name);
            }
            java.util.Collections.reverse(path);
            path.add(step);
            return path;
        }

        ValueTable table(int body) {
            ValueTable table = tables[body];
            if (table == null) {
                table = new ValueTable(budget);
                tables[body] = table;
            }
            return table;
        }

        Slot slot(int body, Location location) {
            Slot slot = slots[body];
            if (slot == null || slot.dead) {
                slot = masker.bodySlot(location, memoField, strategy);
                slots[body] = slot;
            }
            return slot;
        }

        /** The JSON path of the value being masked, with the indexes of the arrays it is in. */
        String jsonPath() {
            Node[] chain = new Node[depth];
            for (Node n = this; n.parent != null; n = n.parent) {
                chain[n.depth - 1] = n;
            }
            StringBuilder out = new StringBuilder("$");
            for (Node n : chain) {
                if (n.element) {
                    out.append('[').append(indexes[n.depth]).append(']');
                } else {
                    out.append('.').append(n.name);
                }
            }
            return out.toString();
        }
    }

    /** The generator's output for one line, kept until the line is known to be good. */
    private static final class LineBuffer extends ByteArrayOutputStream {
        LineBuffer() {
            super(1 << 14);
        }

        void writeTo(OutputStream out, byte end) throws IOException {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, count + 1);
            }
            buf[count] = end;
            out.write(buf, 0, count + 1);
        }
    }

    /** A named site and the values met there. */
    private record Local(Site site, ValueTable table) {
    }

    private final Masker masker;
    private final ValueTable.Budget budget = new ValueTable.Budget(200_000);
    /** The memo generation the value tables of masked values agree with. */
    private int memoGeneration;
    private final HashMap<String, Local> requestHeaders = new HashMap<>();
    private final HashMap<String, Local> responseHeaders = new HashMap<>();
    private final HashMap<String, Local> queryParameters = new HashMap<>();
    private final Local[] fields = new Local[NAMES.length];
    private final ValueTable paths = new ValueTable(budget);
    private final ValueTable cookies = new ValueTable(budget);
    private final LineBuffer line = new LineBuffer();
    private final List<Entry> pending = new ArrayList<>();
    private JsonGenerator generator;
    private Node requestBody;
    private Node responseBody;
    private int nodes;
    private int[] indexes = new int[16];
    /** The field names of the objects being copied, innermost last: a key twice is left to the reference way, which keeps the last. */
    private String[] names = new String[64];
    private int namesTop;

    ExchangeStreamer(Masker masker) {
        this.masker = masker;
    }

    private static SerializableString[] names(String... names) {
        SerializableString[] out = new SerializableString[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = new SerializedString(names[i]);
        }
        return out;
    }

    /**
     * Masks one line ({@code bytes[offset, offset + length)}, valid UTF-8 by {@link Utf8#plain}) into
     * this streamer's buffer; {@code false} when it is not a line the fast path takes.
     */
    boolean mask(byte[] bytes, int offset, int length) {
        pending.clear();
        line.reset();
        namesTop = 0;
        boolean done = false;
        try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonGenerator g = generator();
            exchange(parser, g);
            g.flush();
            done = true;
        } catch (NotCanonical | IOException | RuntimeException e) {
            // the reference way masks the line, and reports or throws what it finds wrong
        } finally {
            if (!done) {
                generator = null; // mid-line state: start a fresh one
            }
        }
        if (!done) {
            return false;
        }
        for (Entry entry : pending) {
            masker.count(entry);
        }
        return true;
    }

    /** The masked line of the last successful {@link #mask}, without a line break. */
    byte[] masked() {
        return line.toByteArray();
    }

    /** Writes the masked line of the last successful {@link #mask}, and a line break. */
    void writeTo(OutputStream out) throws IOException {
        line.writeTo(out, (byte) '\n');
    }

    private JsonGenerator generator() throws IOException {
        if (generator == null) {
            generator = FACTORY.createGenerator(line);
            generator.setRootValueSeparator(null);
        }
        return generator;
    }

    private void exchange(JsonParser p, JsonGenerator g) throws IOException, NotCanonical {
        g.writeStartObject();
        int last = -1;
        int required = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int field = field(name);
            JsonToken token = p.nextToken();
            if (field < 0) {
                p.skipChildren(); // not part of an exchange: the reference way drops it too
                continue;
            }
            if (field <= last) {
                throw NotCanonical.INSTANCE; // out of canonical order, or twice
            }
            last = field;
            if (token == JsonToken.VALUE_NULL && field != REQUEST_BODY && field != RESPONSE_BODY) {
                if (field == TS || field == METHOD || field == PATH || field == STATUS) {
                    throw NotCanonical.INSTANCE;
                }
                continue; // an absent field, left out of the output
            }
            switch (field) {
                case TS -> {
                    expect(token, JsonToken.VALUE_STRING);
                    if (!Timestamps.canonical(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                        throw NotCanonical.INSTANCE;
                    }
                    g.writeFieldName(NAMES[TS]);
                    copyString(p, g);
                    required |= 1;
                }
                case METHOD -> {
                    expect(token, JsonToken.VALUE_STRING);
                    if (!isMethod(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
                        throw NotCanonical.INSTANCE;
                    }
                    g.writeFieldName(NAMES[METHOD]);
                    copyString(p, g);
                    required |= 2;
                }
                case PATH -> {
                    expect(token, JsonToken.VALUE_STRING);
                    char[] chars = p.getTextCharacters();
                    int offset = p.getTextOffset();
                    int length = p.getTextLength();
                    if (length == 0 || chars[offset] != '/') {
                        throw NotCanonical.INSTANCE;
                    }
                    int hash = ValueTable.hash(chars, offset, length);
                    Masker.Masked masked = (Masker.Masked) paths.get(chars, offset, length, hash);
                    if (masked == null) {
                        String path = new String(chars, offset, length);
                        masked = masker.maskedPath(path);
                        paths.put(path, hash, masked);
                    }
                    for (Entry entry : masked.entries()) {
                        pending.add(entry);
                    }
                    g.writeFieldName(NAMES[PATH]);
                    writeMasked(g, masked.masked(), masked.lone());
                    required |= 4;
                }
                case STATUS -> {
                    expect(token, JsonToken.VALUE_NUMBER_INT);
                    if (p.getNumberType() != JsonParser.NumberType.INT) {
                        throw NotCanonical.INSTANCE;
                    }
                    int status = p.getIntValue();
                    if (status < 100 || status > 599) {
                        throw NotCanonical.INSTANCE;
                    }
                    g.writeFieldName(NAMES[STATUS]);
                    g.writeNumber(status);
                    required |= 8;
                }
                case SERVICE, TRACE_ID -> {
                    expect(token, JsonToken.VALUE_STRING);
                    g.writeFieldName(NAMES[field]);
                    copyString(p, g);
                }
                case QUERY -> {
                    expect(token, JsonToken.START_OBJECT);
                    g.writeFieldName(NAMES[QUERY]);
                    query(p, g);
                }
                case REQUEST_HEADERS, RESPONSE_HEADERS -> {
                    expect(token, JsonToken.START_OBJECT);
                    g.writeFieldName(NAMES[field]);
                    headers(p, g, field == REQUEST_HEADERS ? Location.REQUEST_HEADER : Location.RESPONSE_HEADER);
                }
                case REQUEST_BODY -> {
                    g.writeFieldName(NAMES[REQUEST_BODY]);
                    if (requestBody == null) {
                        requestBody = new Node(null, null, false, List.of());
                    }
                    body(p, g, requestBody, 0, Location.REQUEST_BODY);
                }
                case RESPONSE_BODY -> {
                    g.writeFieldName(NAMES[RESPONSE_BODY]);
                    if (responseBody == null) {
                        responseBody = new Node(null, null, false, List.of());
                    }
                    body(p, g, responseBody, 1, Location.RESPONSE_BODY);
                }
                case DURATION_MS -> {
                    expect(token, JsonToken.VALUE_NUMBER_INT);
                    JsonParser.NumberType type = p.getNumberType();
                    if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                        throw NotCanonical.INSTANCE;
                    }
                    long duration = p.getLongValue();
                    if (duration < 0) {
                        throw NotCanonical.INSTANCE;
                    }
                    g.writeFieldName(NAMES[DURATION_MS]);
                    g.writeNumber(duration);
                }
                case SESSION_ID, USER_ID, CLIENT_IP -> {
                    expect(token, JsonToken.VALUE_STRING);
                    g.writeFieldName(NAMES[field]);
                    Local local = fields[field];
                    if (local == null) {
                        local = new Local(masker.fieldSite(NAMES[field].getValue()), new ValueTable(budget));
                        fields[field] = local;
                    }
                    site(p, g, local);
                }
                default -> throw new IllegalStateException("field " + field);
            }
        }
        if (required != 15) {
            throw NotCanonical.INSTANCE; // the reference way says which is missing
        }
        g.writeEndObject();
        if (nodes > MAX_NODES) {
            requestBody = null;
            responseBody = null;
            nodes = 0;
        }
    }

    /** Adds a field name of the object whose names start at {@code base}; a name it already has leaves the fast path. */
    private void name(int base, String name) throws NotCanonical {
        int hash = name.hashCode();
        for (int i = base; i < namesTop; i++) {
            String seen = names[i];
            if (seen == name || (seen.hashCode() == hash && seen.equals(name))) {
                throw NotCanonical.INSTANCE;
            }
        }
        if (namesTop - base >= MAX_FIELDS) {
            throw NotCanonical.INSTANCE;
        }
        if (namesTop == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[namesTop++] = name;
    }

    private static int field(String name) {
        return switch (name) {
            case "ts" -> TS;
            case "service" -> SERVICE;
            case "method" -> METHOD;
            case "path" -> PATH;
            case "query" -> QUERY;
            case "requestHeaders" -> REQUEST_HEADERS;
            case "requestBody" -> REQUEST_BODY;
            case "status" -> STATUS;
            case "responseHeaders" -> RESPONSE_HEADERS;
            case "responseBody" -> RESPONSE_BODY;
            case "durationMs" -> DURATION_MS;
            case "sessionId" -> SESSION_ID;
            case "userId" -> USER_ID;
            case "traceId" -> TRACE_ID;
            case "clientIp" -> CLIENT_IP;
            default -> -1;
        };
    }

    private static void expect(JsonToken token, JsonToken wanted) throws NotCanonical {
        if (token != wanted) {
            throw NotCanonical.INSTANCE; // the reference way coerces it, or refuses the line
        }
    }

    private static boolean isMethod(char[] text, int offset, int length) {
        if (length == 0) {
            return false;
        }
        for (int i = offset, end = offset + length; i < end; i++) {
            if (text[i] < 'A' || text[i] > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** {@code "query": {"name": ["value", …], …}}: each value masked by the parameter's rule. */
    private void query(JsonParser p, JsonGenerator g) throws IOException, NotCanonical {
        g.writeStartObject();
        int base = namesTop;
        String name;
        while ((name = p.nextFieldName()) != null) {
            name(base, name);
            expect(p.nextToken(), JsonToken.START_ARRAY);
            Local site = queryParameters.get(name);
            if (site == null) {
                site = new Local(masker.querySite(name), new ValueTable(budget));
                queryParameters.put(name, site);
            }
            g.writeFieldName(name);
            g.writeStartArray();
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(token, JsonToken.VALUE_STRING);
                site(p, g, site);
            }
            g.writeEndArray();
        }
        namesTop = base;
        g.writeEndObject();
    }

    /** Headers, names already in lower case; the {@code cookie} header cookie by cookie. */
    private void headers(JsonParser p, JsonGenerator g, Location location) throws IOException, NotCanonical {
        g.writeStartObject();
        int base = namesTop;
        String name;
        while ((name = p.nextFieldName()) != null) {
            name(base, name);
            if (!isLowerCase(name)) {
                throw NotCanonical.INSTANCE; // the reference way folds it, and may merge it with another
            }
            expect(p.nextToken(), JsonToken.VALUE_STRING);
            g.writeFieldName(name);
            if (name.equals("cookie")) {
                char[] chars = p.getTextCharacters();
                int offset = p.getTextOffset();
                int length = p.getTextLength();
                int hash = ValueTable.hash(chars, offset, length);
                Masker.Masked masked = (Masker.Masked) cookies.get(chars, offset, length, hash);
                if (masked == null) {
                    String header = new String(chars, offset, length);
                    masked = masker.maskedCookies(header, null, true);
                    cookies.put(header, hash, masked);
                }
                for (Entry entry : masked.entries()) {
                    pending.add(entry);
                }
                writeMasked(g, masked.masked(), masked.lone());
            } else {
                HashMap<String, Local> sites = location == Location.REQUEST_HEADER ? requestHeaders : responseHeaders;
                Local site = sites.get(name);
                if (site == null) {
                    site = new Local(masker.headerSite(location, name), new ValueTable(budget));
                    sites.put(name, site);
                }
                site(p, g, site);
            }
        }
        namesTop = base;
        g.writeEndObject();
    }

    private static boolean isLowerCase(String name) {
        for (int i = 0, n = name.length(); i < n; i++) {
            char c = name.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** The current string masked at a named site. */
    private void site(JsonParser p, JsonGenerator g, Local local) throws IOException, NotCanonical {
        Site site = local.site();
        int length = p.getTextLength();
        if (site.keep || length == 0) {
            copyString(p, g);
            return;
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int hash = ValueTable.hash(chars, offset, length);
        Entry entry = (Entry) entries(local.table()).get(chars, offset, length, hash);
        if (entry == null) {
            String value = new String(chars, offset, length);
            entry = masker.entry(site, value);
            local.table().put(value, hash, entry);
        }
        if (entry.counts()) {
            pending.add(entry);
        }
        if (entry.masked == null) {
            g.writeString(chars, offset, length);
        } else {
            writeMasked(g, entry.masked, entry.lone);
        }
    }

    private void body(JsonParser p, JsonGenerator g, Node node, int body, Location location) throws IOException, NotCanonical {
        switch (p.currentTokenId()) {
            case JsonTokenId.ID_START_OBJECT -> {
                g.writeStartObject();
                int base = namesTop;
                String name;
                while ((name = p.nextFieldName()) != null) {
                    name(base, name);
                    g.writeFieldName(name);
                    p.nextToken();
                    body(p, g, node.child(name), body, location);
                }
                namesTop = base;
                g.writeEndObject();
            }
            case JsonTokenId.ID_START_ARRAY -> {
                g.writeStartArray();
                Node elements = node.elements();
                int depth = elements.depth;
                if (depth >= indexes.length) {
                    indexes = Arrays.copyOf(indexes, Math.max(depth + 1, indexes.length * 2));
                }
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    indexes[depth] = index++;
                    body(p, g, elements, body, location);
                }
                g.writeEndArray();
            }
            case JsonTokenId.ID_STRING -> {
                int length = p.getTextLength();
                if (node.keep || length == 0) {
                    copyString(p, g);
                    return;
                }
                char[] chars = p.getTextCharacters();
                int offset = p.getTextOffset();
                Entry entry = bodyValue(node, body, location, chars, offset, length);
                if (entry.masked == null) {
                    g.writeString(chars, offset, length);
                } else {
                    writeMasked(g, entry.masked, entry.lone);
                }
            }
            case JsonTokenId.ID_NUMBER_INT -> {
                char[] chars = p.getTextCharacters();
                int offset = p.getTextOffset();
                int length = p.getTextLength();
                if (length == 2 && chars[offset] == '-' && chars[offset + 1] == '0') {
                    chars = ZERO; // the reference way reads the number, and writes it back so
                    offset = 0;
                    length = 1;
                }
                Entry entry = node.keep ? Entry.UNCHANGED : bodyValue(node, body, location, chars, offset, length);
                String masked = entry.masked;
                if (masked == null || equals(masked, chars, offset, length)) {
                    g.writeNumber(chars, offset, length);
                } else if (Masker.isNumber(masked)) {
                    g.writeNumber(new BigInteger(masked));
                } else {
                    writeMasked(g, masked, entry.lone);
                }
            }
            case JsonTokenId.ID_NUMBER_FLOAT -> decimal(p, g);
            case JsonTokenId.ID_TRUE -> g.writeBoolean(true);
            case JsonTokenId.ID_FALSE -> g.writeBoolean(false);
            case JsonTokenId.ID_NULL -> g.writeNull();
            default -> throw NotCanonical.INSTANCE;
        }
    }

    /** What masking a body string or integer (its text) does; counted when the line is written. */
    private Entry bodyValue(Node node, int body, Location location, char[] chars, int offset, int length) {
        ValueTable table = entries(node.table(body));
        int hash = ValueTable.hash(chars, offset, length);
        Entry entry = (Entry) table.get(chars, offset, length, hash);
        if (entry == null) {
            String text = new String(chars, offset, length);
            Slot slot = node.slot(body, location);
            entry = slot.get(text);
            if (entry == null) {
                String jsonPath = node.jsonPath();
                entry = masker.compute(node.strategy, text, new FieldContext(location, node.fieldName, jsonPath), "rule body " + jsonPath,
                        node.contextKey);
                masker.remember(slot, text, entry);
            }
            table.put(text, hash, entry);
        }
        if (entry.counts()) {
            pending.add(entry);
        }
        return entry;
    }

    /**
     * A table of memo entries, emptied (with all others) when the memo was cleared since: so that
     * a value the memo forgot is computed again here too, as {@link Masker#mask} computes it, and
     * the report's sources of body rules, which name the path where an entry was first computed,
     * stay the same both ways.
     */
    private ValueTable entries(ValueTable table) {
        int generation = masker.memoGeneration();
        if (generation != memoGeneration) {
            memoGeneration = generation;
            budget.clearAll();
        }
        return table;
    }

    private static final char[] ZERO = {'0'};

    private static boolean equals(String text, char[] chars, int offset, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A decimal as the reference way writes it (a BigDecimal, plain): digits as they are, but a
     * negative zero loses its sign; exponents are left to the reference way.
     */
    private static void decimal(JsonParser p, JsonGenerator g) throws IOException, NotCanonical {
        char[] text = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        boolean zero = true;
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = text[i];
            if (c == 'e' || c == 'E') {
                throw NotCanonical.INSTANCE;
            }
            if (c >= '1' && c <= '9') {
                zero = false;
            }
        }
        if (zero && text[offset] == '-') {
            g.writeNumber(new String(text, offset + 1, length - 1));
        } else {
            g.writeNumber(new String(text, offset, length));
        }
    }

    private static void copyString(JsonParser p, JsonGenerator g) throws IOException {
        g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A masked value; one with a lone surrogate, which the reference way writes as '?', goes back to it. */
    private static void writeMasked(JsonGenerator g, String masked, boolean lone) throws IOException, NotCanonical {
        if (lone) {
            throw NotCanonical.INSTANCE;
        }
        g.writeString(masked);
    }
}
