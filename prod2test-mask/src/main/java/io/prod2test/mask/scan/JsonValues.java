package io.prod2test.mask.scan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import io.prod2test.mask.PathSegments;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The values of JSON text, each with the field it sits in: its innermost field name (an array's
 * elements take the array's name, as the masker does) and its JSON path ({@code $.customer.name}).
 * Strings and integers are values; decimals, booleans and nulls say nothing about a person.
 *
 * <p>A root object whose first field is {@code ts} is a canonical exchange and is read as
 * {@link io.prod2test.mask.Masker#mask} masks it: {@code requestHeaders}/{@code responseHeaders} at
 * the header locations (the {@code cookie} header pair by pair), {@code query} parameters,
 * {@code path} segment by segment (decoded, the segment before as the field), the bodies at their
 * locations with paths from the body's root, and the exchange's own fields as text fields.
 */
final class JsonValues {
    private static final com.fasterxml.jackson.dataformat.yaml.YAMLFactory YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2_000).maxStringLength(100_000_000).build())
            .build();

    private JsonValues() {
    }

    /**
     * Every value of the JSON document(s) in {@code reader} to {@code sink}, with the line of its
     * token. {@code false} when the text is not JSON (what was sent before the error is to be
     * dropped) or holds no value at all.
     */
    static boolean walkDocument(Reader reader, Sink sink) throws IOException {
        try (JsonParser parser = FACTORY.createParser(reader)) {
            return walk(parser, sink, -1);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * Every scalar of a YAML stream (all its documents) with its path, as {@link #walkDocument}
     * does for JSON, so that a value has the same field context as in the JSON it came from
     * ({@code $.items[0].name} is a product's name, not a person's); {@code false} when it is no YAML.
     * Comments are not values: the caller reads them as text.
     */
    static boolean walkYaml(Reader reader, Sink sink) throws IOException {
        try (JsonParser parser = YAML.createParser(reader)) {
            return walk(parser, sink, -1);
        } catch (JsonProcessingException | RuntimeException e) {
            return false; // SnakeYAML reports some malformed input unchecked
        }
    }

    /** The values of one line that is JSON, all with its number; {@code false} (and nothing sent) when it is not. */
    static boolean walkLine(String line, long number, Sink sink) {
        List<Object[]> values = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(line)) {
            if (!walk(parser, (text, field, at) -> values.add(new Object[] {text, field}), number)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        for (Object[] value : values) {
            sink.value((String) value[0], (FieldContext) value[1], number);
        }
        return true;
    }

    /** Walks every root value; {@code line} ≥ 1 fixes the line, else each token's own is used. */
    private static boolean walk(JsonParser parser, Sink sink, long line) throws IOException {
        boolean any = false;
        boolean exchange = false;
        int depth = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            any = true;
            long at = line >= 1 ? line : Math.max(1, parser.currentTokenLocation().getLineNr());
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    if (depth == 0) {
                        exchange = false;
                    }
                    depth++;
                }
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME -> {
                    JsonStreamContext context = parser.getParsingContext();
                    if (depth == 1 && context.getCurrentIndex() == 0 && context.getParent().inRoot()) {
                        exchange = "ts".equals(parser.currentName());
                    }
                }
                case VALUE_STRING, VALUE_NUMBER_INT -> {
                    List<Object> path = path(parser.getParsingContext());
                    String text = parser.getText();
                    if (exchange) {
                        exchangeValue(path, text, at, sink);
                    } else {
                        sink.value(text, new FieldContext(Location.TEXT, lastName(path), jsonPath(path, 0)), at);
                    }
                }
                default -> {
                    // decimals (amounts), booleans and nulls carry nothing personal on their own
                }
            }
        }
        return any;
    }

    private static void exchangeValue(List<Object> path, String text, long line, Sink sink) {
        String top = path.isEmpty() || !(path.get(0) instanceof String name) ? "" : name;
        switch (top) {
            case "requestBody", "responseBody" -> {
                Location location = top.equals("requestBody") ? Location.REQUEST_BODY : Location.RESPONSE_BODY;
                List<Object> body = path.subList(1, path.size());
                sink.value(text, new FieldContext(location, lastName(body), jsonPath(body, 0)), line);
            }
            case "requestHeaders", "responseHeaders" -> {
                Location location = top.equals("requestHeaders") ? Location.REQUEST_HEADER : Location.RESPONSE_HEADER;
                String header = lastName(path);
                if (location == Location.REQUEST_HEADER && "cookie".equals(header)) {
                    cookies(text, line, sink);
                } else {
                    sink.value(text, FieldContext.of(location, header), line);
                }
            }
            case "query" -> sink.value(text, FieldContext.of(Location.QUERY, path.size() > 1 ? String.valueOf(path.get(1)) : null), line);
            case "path" -> pathSegments(text, line, sink);
            default -> sink.value(text, new FieldContext(Location.TEXT, lastName(path), lastName(path)), line);
        }
    }

    /** {@code name=value; name=value}: each value with its cookie's name. */
    private static void cookies(String header, long line, Sink sink) {
        for (String pair : header.split(";", -1)) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                sink.value(pair, FieldContext.of(Location.COOKIE, null), line);
            } else {
                sink.value(pair.substring(eq + 1), FieldContext.of(Location.COOKIE, pair.substring(0, eq).trim()), line);
            }
        }
    }

    /** Each segment of a URL path, decoded, with the segment before it as its field. */
    private static void pathSegments(String path, long line, Sink sink) {
        String[] segments = path.split("/", -1);
        String previous = null;
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (!segment.isEmpty()) {
                sink.value(PathSegments.decode(segment), new FieldContext(Location.PATH_SEGMENT, previous, path), line);
            }
            previous = segment;
        }
    }

    /** Field names and array indexes from the root to the current value. */
    private static List<Object> path(JsonStreamContext context) {
        List<Object> path = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                path.add(0, c.getCurrentName());
            } else {
                path.add(0, c.getCurrentIndex());
            }
        }
        return path;
    }

    /** The innermost field name of a path, or null. */
    private static String lastName(List<Object> path) {
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i) instanceof String name) {
                return name;
            }
        }
        return null;
    }

    /** {@code $.a.b[0].c}, as the masker writes body paths. */
    private static String jsonPath(List<Object> path, int from) {
        StringBuilder out = new StringBuilder("$");
        for (int i = from; i < path.size(); i++) {
            Object step = path.get(i);
            if (step instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append('.').append(step);
            }
        }
        return out.toString();
    }
}
