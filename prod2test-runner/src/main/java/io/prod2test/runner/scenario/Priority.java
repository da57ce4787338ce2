package io.prod2test.runner.scenario;

import java.util.Locale;

/** How much a scenario matters, as the analysis ranked its flow; written in lower case. */
public enum Priority {
    HIGH, MEDIUM, LOW;

    /** The YAML spelling: {@code high}, {@code medium}, {@code low}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
