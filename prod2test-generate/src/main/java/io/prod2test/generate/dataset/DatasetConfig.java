package io.prod2test.generate.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.prod2test.api.ErrorCode;
import io.prod2test.api.Prod2TestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code datasets:} section of {@code prod2test.yaml}: which tables are reference data, the
 * layers with their ID ranges and roots, and the foreign keys the database does not declare.
 * Every part has a default, so a repository without the section still gets datasets.
 *
 * <pre>
 * datasets:
 *   reference: { tables: [products], exclude: [card_tokens], maxRows: 1000 }
 *   layers:
 *     - name: characteristic
 *       ids: { from: 1000000, to: 1999999 }
 *       roots: [customers]                # or [{ table: customers, where: "created_at &gt; '2026-01-01'", limit: 50 }]
 *       perClass: 3                       # rows per value class when profiling picks the roots
 *       children: all                     # all | none | [cards, orders, order_items]
 *   virtualForeignKeys:
 *     - { table: audit_events, column: payload, path: $.orderId, references: orders.id }
 *     - { table: audit_events, column: subject_id, typeColumn: subject_type, typeValue: order, references: orders.id }
 * </pre>
 */
public record DatasetConfig(Reference reference, List<Layer> layers, List<VirtualForeignKey> virtualForeignKeys) {
    private static final ObjectMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Pattern LAYER_NAME = Pattern.compile("[a-z0-9][a-z0-9_]*");

    /** The first layer's range when none is declared: clear of the small IDs production and reference data use. */
    public static final long DEFAULT_FROM = 1_000_000L;
    public static final long DEFAULT_TO = 1_999_999L;

    public DatasetConfig {
        reference = reference == null ? Reference.DEFAULT : reference;
        layers = layers == null || layers.isEmpty() ? List.of(Layer.DEFAULT) : List.copyOf(layers);
        virtualForeignKeys = virtualForeignKeys == null ? List.of() : List.copyOf(virtualForeignKeys);
        Set<String> names = new java.util.HashSet<>();
        for (Layer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("layer names are unique; '" + layer.name() + "' is declared twice");
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            for (int j = i + 1; j < layers.size(); j++) {
                if (layers.get(i).ids().overlaps(layers.get(j).ids())) {
                    throw new IllegalArgumentException("layers own disjoint ID ranges; " + layers.get(i).name() + " "
                            + layers.get(i).ids() + " and " + layers.get(j).name() + " " + layers.get(j).ids() + " overlap");
                }
            }
        }
    }

    /** Everything by default: detected reference tables, one layer of characteristic rows, no virtual keys. */
    public static DatasetConfig defaults() {
        return new DatasetConfig(null, null, null);
    }

    /** An inclusive range of IDs a layer's rows are renumbered into. */
    public record IdRange(long from, long to) {
        @JsonCreator
        public IdRange(@JsonProperty("from") long from, @JsonProperty("to") long to) {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("an ID range has 1 <= from <= to, was " + from + ".." + to);
            }
            this.from = from;
            this.to = to;
        }

        boolean overlaps(IdRange other) {
            return from <= other.to && other.from <= to;
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }

    /** Which tables are reference data: detected, plus {@code tables}, less {@code exclude}. */
    public record Reference(List<String> tables, List<String> exclude, int maxRows) {
        static final Reference DEFAULT = new Reference(List.of(), List.of(), 1_000);

        @JsonCreator
        public Reference(@JsonProperty("tables") List<String> tables, @JsonProperty("exclude") List<String> exclude,
                         @JsonProperty("maxRows") Integer maxRows) {
            this(tables == null ? List.of() : List.copyOf(tables), exclude == null ? List.of() : List.copyOf(exclude),
                    maxRows == null ? 1_000 : maxRows);
        }

        public Reference {
            tables = List.copyOf(tables);
            exclude = List.copyOf(exclude);
            if (maxRows < 0) {
                throw new IllegalArgumentException("maxRows of reference tables is 0 or more, was " + maxRows);
            }
        }
    }

    /**
     * Where a layer starts: a table, and either the rows a condition selects ({@code where}, up to
     * {@code limit}, in key order) or, without one, the rows profiling picks.
     */
    public record Root(String table, String where, int limit) {
        public Root {
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("a root names its table");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("a root's limit is at least 1, was " + limit);
            }
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Root parse(JsonNode node) {
            if (node.isTextual()) {
                return new Root(node.asText(), null, 200);
            }
            Set<String> known = Set.of("table", "where", "limit");
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    throw new IllegalArgumentException("a root has table, where and limit, not '" + f + "'");
                }
            });
            return new Root(node.path("table").asText(null), node.path("where").asText(null), node.path("limit").asInt(200));
        }
    }

    /**
     * A layer: its folder is {@code NN_<name>} in declaration order (10, 20, ...).
     *
     * @param roots    where it starts; empty means the detected root tables
     * @param perClass how many rows profiling takes for each value class
     * @param children the tables whose rows come along with the rows they refer to, down from the
     *                 roots (a customer's cards and orders, an order's lines); null means all of them
     */
    public record Layer(String name, IdRange ids, List<Root> roots, int perClass, List<String> children) {
        static final Layer DEFAULT = new Layer("characteristic", new IdRange(DEFAULT_FROM, DEFAULT_TO), List.of(), 3, null);

        @JsonCreator
        static Layer parse(@JsonProperty("name") String name, @JsonProperty("ids") IdRange ids, @JsonProperty("roots") List<Root> roots,
                           @JsonProperty("perClass") Integer perClass, @JsonProperty("children") JsonNode children) {
            List<String> follow;
            if (children == null || children.isNull() || (children.isTextual() && children.asText().equals("all"))) {
                follow = null;
            } else if (children.isTextual() && children.asText().equals("none")) {
                follow = List.of();
            } else if (children.isArray()) {
                follow = new ArrayList<>();
                children.forEach(c -> follow.add(c.asText()));
            } else {
                throw new IllegalArgumentException("children is all, none or a list of tables, was " + children);
            }
            return new Layer(name, ids, roots == null ? List.of() : roots, perClass == null ? 3 : perClass, follow);
        }

        public Layer {
            if (name == null || !LAYER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a layer name is lower-case letters, digits and '_' (it names a folder and a migration), was '" + name + "'");
            }
            if (ids == null) {
                throw new IllegalArgumentException("layer " + name + " declares its ID range: ids: { from: 1000000, to: 1999999 }");
            }
            roots = List.copyOf(roots);
            if (perClass < 1) {
                throw new IllegalArgumentException("perClass of layer " + name + " is at least 1, was " + perClass);
            }
            children = children == null ? null : List.copyOf(children);
        }

        /** Whether rows of {@code table} come along with the rows they refer to. */
        public boolean bringsRowsOf(String table) {
            return children == null || children.contains(table);
        }
    }

    /**
     * A reference the database does not declare: {@code table.column} (or a value at {@code path}
     * inside its JSON) holds a key of {@code references} ({@code table.column}); for a polymorphic
     * reference only where {@code typeColumn} holds {@code typeValue}.
     */
    public record VirtualForeignKey(String table, String column, String path, String typeColumn, String typeValue, String references) {
        @JsonCreator
        public VirtualForeignKey(@JsonProperty("table") String table, @JsonProperty("column") String column,
                                 @JsonProperty("path") String path, @JsonProperty("typeColumn") String typeColumn,
                                 @JsonProperty("typeValue") String typeValue, @JsonProperty("references") String references) {
            if (table == null || column == null || references == null || references.indexOf('.') <= 0) {
                throw new IllegalArgumentException("a virtual foreign key has table, column and references: table.column");
            }
            if ((typeColumn == null) != (typeValue == null)) {
                throw new IllegalArgumentException("a polymorphic virtual foreign key has both typeColumn and typeValue");
            }
            if (path != null && !path.matches("\\$(\\.[A-Za-z0-9_]+)+")) {
                throw new IllegalArgumentException("a virtual foreign key's path is a plain JSON path like $.order.id, was '" + path + "'");
            }
            this.table = table;
            this.column = column;
            this.path = path;
            this.typeColumn = typeColumn;
            this.typeValue = typeValue;
            this.references = references;
        }

        public String referencedTable() {
            return references.substring(0, references.indexOf('.'));
        }

        public String referencedColumn() {
            return references.substring(references.indexOf('.') + 1);
        }

        /** The JSON path as field names, empty for a plain column. */
        List<String> pathFields() {
            return path == null ? List.of() : List.of(path.substring(2).split("\\."));
        }
    }

    private record Document(@JsonProperty("reference") Reference reference, @JsonProperty("layers") List<Layer> layers,
                            @JsonProperty("virtualForeignKeys") List<VirtualForeignKey> virtualForeignKeys) {
    }

    /**
     * The {@code datasets:} section of a {@code prod2test.yaml}; the defaults when the file or the
     * section is absent. Other sections belong to other stages and are not read.
     */
    public static DatasetConfig read(Path prod2testYaml) {
        if (!Files.exists(prod2testYaml)) {
            return defaults();
        }
        String text;
        try {
            text = Files.readString(prod2testYaml);
        } catch (IOException e) {
            throw new Prod2TestException(ErrorCode.IO, "cannot read " + prod2testYaml + ": " + e.getMessage(), e);
        }
        return parse(text, prod2testYaml.toString());
    }

    /** The {@code datasets:} section of a {@code prod2test.yaml} text; {@code file} names it in errors. */
    public static DatasetConfig parse(String text, String file) {
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || !root.has("datasets") || root.get("datasets").isNull()) {
                return defaults();
            }
            Document d = YAML.readerFor(Document.class).at("/datasets").readValue(text);
            return new DatasetConfig(d.reference(), d.layers(), d.virtualForeignKeys());
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException m ? "datasets." + m.getPath().stream()
                    .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : ref.getFieldName())
                    .collect(Collectors.joining(".")).replace(".[", "[") : "datasets";
            Throwable cause = e.getCause() instanceof IllegalArgumentException rule ? rule : null;
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw Prod2TestException.invalidInput(file, line, field, cause != null ? cause.getMessage() : e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw Prod2TestException.invalidInput(file, 0, "datasets", e.getMessage());
        }
    }
}
