package io.prod2test.generate.scenario;

import io.prod2test.generate.dataset.DatasetConfig;
import io.prod2test.mask.Masker;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code setup.sql} rows are taken from production: with the masker the traffic was masked
 * with (same key, same policy, so a row's values are the values the masked session shows) and
 * each service's dataset configuration (its reference tables come from {@code 00_base}, its
 * undeclared foreign keys are followed).
 *
 * @param masker  the traffic's masker
 * @param configs dataset configuration by service; a service not named gets {@link DatasetConfig#defaults()}
 */
public record SetupRows(Masker masker, Map<String, DatasetConfig> configs) {
    /**
     * Where each scenario's ID range starts: clear of production's small keys and of the dataset
     * layers' default range ({@value DatasetConfig#DEFAULT_FROM} to {@value DatasetConfig#DEFAULT_TO}).
     */
    public static final long SCENARIO_IDS_FROM = 10_000_000L;
    /** Keys per scenario: scenario n of a service owns {@code FROM + (n-1)·SIZE} to {@code FROM + n·SIZE - 1}. */
    public static final long SCENARIO_IDS_SIZE = 10_000L;

    public SetupRows {
        Objects.requireNonNull(masker, "setup rows are masked: a masker is needed");
        configs = Map.copyOf(configs);
    }

    /** The dataset configuration of {@code service}. */
    DatasetConfig config(String service) {
        return configs.getOrDefault(service, DatasetConfig.defaults());
    }

    /** The ID range of a service's scenario number {@code n} (1-based). */
    static DatasetConfig.IdRange range(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("scenarios are numbered from 1, was " + n);
        }
        long from = SCENARIO_IDS_FROM + (n - 1) * SCENARIO_IDS_SIZE;
        return new DatasetConfig.IdRange(from, from + SCENARIO_IDS_SIZE - 1);
    }
}
