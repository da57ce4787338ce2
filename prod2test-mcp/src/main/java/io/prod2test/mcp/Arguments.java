package io.prod2test.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tool call's arguments after validation: typed, with the schema's defaults filled in. */
public record Arguments(Map<String, Object> values) {
    public Arguments {
        values = Map.copyOf(values);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    /** An integer the schema gives a default for. */
    public int intValue(String name) {
        return integer(name).orElseThrow(() -> new IllegalStateException("no value and no default for '" + name + "'")).intValue();
    }

    /** A boolean the schema gives a default for. */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    @SuppressWarnings("unchecked")
    public Optional<List<String>> strings(String name) {
        return Optional.ofNullable((List<String>) values.get(name));
    }
}
