package io.prod2test.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prod2test.api.ExchangeJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a demo run produced, for the summary on the terminal and the JSON of SPEC §2. Values of
 * stages this version does not have are {@code null} and listed in {@code stages}.
 *
 * @param sessions      simulated user sessions
 * @param exchanges     exchanges written to the production logs, per service
 * @param journeys      sessions per journey of the usage model
 * @param statuses      shop responses per HTTP status
 * @param failures      sessions that ended in an outcome their journey did not expect
 * @param failureNotes  a few of those, for the user to look at
 * @param logs          the production log of each service
 * @param tables        rows per table of each service's production database
 * @param stages        each pipeline stage and what happened to it in this run
 * @param flows         flow variants the analysis found, or {@code null} when it did not run
 * @param edgeCases     edge cases the analysis found, or {@code null} when it did not run
 * @param scenarios     scenarios generated, or {@code null} when none were
 * @param scenariosPassed scenarios that passed against the unmodified services, or {@code null}
 * @param faults        the fault replays asked for with {@code --faults}
 * @param assets        the generated test-asset repository
 * @param report        the HTML report, or {@code null} when none was written
 * @param seconds       wall time of the whole run
 */
record DemoSummary(
        int sessions,
        Map<String, Long> exchanges,
        Map<String, Long> journeys,
        Map<Integer, Long> statuses,
        long failures,
        List<String> failureNotes,
        Map<String, Path> logs,
        Map<String, Map<String, Long>> tables,
        Map<String, String> stages,
        Integer flows,
        Integer edgeCases,
        Integer scenarios,
        Integer scenariosPassed,
        List<FaultReplay> faults,
        Path assets,
        Path report,
        double seconds) {

    DemoSummary {
        if (sessions < 0 || failures < 0 || seconds < 0) {
            throw new IllegalArgumentException("sessions, failures and seconds must not be negative");
        }
        exchanges = ordered(exchanges);
        journeys = ordered(journeys);
        statuses = ordered(statuses);
        failureNotes = List.copyOf(failureNotes);
        logs = ordered(logs);
        tables = ordered(tables);
        stages = ordered(stages);
        faults = List.copyOf(faults);
    }

    /**
     * One fault switched on while the generated scenarios were replayed.
     *
     * @param name     the fault's CLI name
     * @param service  the service it lives in
     * @param caughtBy scenarios that failed with it on, or {@code null} when there were no scenarios to replay
     * @param note     why {@code caughtBy} is missing, or {@code null}
     */
    record FaultReplay(String name, String service, Integer caughtBy, String note) {
        FaultReplay {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a fault replay needs the fault's name");
            }
            if ((caughtBy == null) == (note == null)) {
                throw new IllegalArgumentException("a fault replay has either a count of scenarios that caught it or a note why not");
            }
        }
    }

    long totalExchanges() {
        return exchanges.values().stream().mapToLong(Long::longValue).sum();
    }

    String toText() {
        StringBuilder out = new StringBuilder();
        out.append("prod2test demo: the sample payments system\n\n");
        line(out, "sessions", String.format(Locale.ROOT, "%,d simulated", sessions));
        line(out, "exchanges", String.format(Locale.ROOT, "%,d", totalExchanges()) + "  (" + joinCounts(exchanges) + ")");
        line(out, "journeys", joinCounts(sortedByCount(journeys)));
        line(out, "statuses", joinCounts(new java.util.TreeMap<>(statuses)));
        if (failures > 0) {
            line(out, "unexpected", failures + " sessions, e.g. " + String.join("; ", failureNotes));
        }
        out.append('\n');
        logs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line(out, "log " + e.getKey(), e.getValue().toString()));
        tables.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> line(out, "db " + e.getKey(), joinCounts(e.getValue())));
        out.append('\n');
        stages.forEach((stage, state) -> line(out, stage, state));
        for (FaultReplay fault : faults) {
            line(out, "fault " + fault.name(), fault.caughtBy() == null ? fault.note()
                    : fault.caughtBy() == 0 ? "missed: no scenario failed" : "caught by " + fault.caughtBy() + " scenario" + (fault.caughtBy() == 1 ? "" : "s"));
        }
        line(out, "assets", assets.toString());
        if (report != null) {
            line(out, "report", report.toString());
        }
        line(out, "took", String.format(Locale.ROOT, "%.1f s", seconds));
        return out.toString();
    }

    String toJson() {
        ObjectNode json = ExchangeJson.mapper().createObjectNode();
        json.put("sessions", sessions);
        json.put("exchanges", totalExchanges());
        if (flows == null) {
            json.putNull("flows");
        } else {
            json.put("flows", flows);
        }
        if (edgeCases == null) {
            json.putNull("edgeCases");
        } else {
            json.put("edgeCases", edgeCases);
        }
        if (scenarios == null) {
            json.putNull("scenarios");
            json.putNull("scenariosPassed");
        } else {
            json.put("scenarios", scenarios);
            json.put("scenariosPassed", scenariosPassed);
        }
        ArrayNode faultArray = json.putArray("faults");
        for (FaultReplay fault : faults) {
            ObjectNode f = faultArray.addObject().put("name", fault.name()).put("service", fault.service());
            if (fault.caughtBy() == null) {
                f.putNull("caughtBy");
                f.put("note", fault.note());
            } else {
                f.put("caughtBy", fault.caughtBy());
            }
        }
        if (report == null) {
            json.putNull("report");
        } else {
            json.put("report", report.toString());
        }
        json.put("assets", assets.toString());
        ObjectNode perService = json.putObject("exchangesByService");
        exchanges.forEach(perService::put);
        ObjectNode logNode = json.putObject("logs");
        logs.forEach((service, path) -> logNode.put(service, path.toString()));
        ObjectNode tableNode = json.putObject("databases");
        tables.forEach((service, counts) -> {
            ObjectNode t = tableNode.putObject(service);
            counts.forEach(t::put);
        });
        ObjectNode journeyNode = json.putObject("journeys");
        journeys.forEach(journeyNode::put);
        ObjectNode statusNode = json.putObject("statuses");
        statuses.forEach((status, count) -> statusNode.put(String.valueOf(status), count));
        json.put("unexpected", failures);
        ObjectNode stageNode = json.putObject("stages");
        stages.forEach(stageNode::put);
        json.put("seconds", Math.round(seconds * 10) / 10.0);
        return json.toString();
    }

    // Insertion order is the order the summary shows, so the copies keep it.
    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-16s %s%n", label, value));
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new java.util.LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String joinCounts(Map<?, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%,d", v)));
        return out.toString();
    }
}
