package io.prod2test.examples.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a simulation run did. Everything but {@code preWindow} is about the sessions of the capture
 * window: the sign-ups before it are neither sessions nor requests here.
 *
 * @param sessions          sessions played
 * @param requests          requests the shop answered
 * @param journeys          sessions per journey (every journey listed, in {@link Journey} order)
 * @param statuses          answers per HTTP status, ascending
 * @param failures          sessions that met an unexpected outcome (a status their journey did not
 *                          expect, a broken connection, a wrong answer)
 * @param failureMessages   the first {@value #MAX_MESSAGES} of those, for people
 * @param elapsed           wall-clock time of the run
 * @param preWindow         the customers who signed up before the window, with their shop ids: the
 *                          rows of the shop's database that no session created
 */
public record SimulationReport(
        int sessions,
        long requests,
        Map<Journey, Integer> journeys,
        SortedMap<Integer, Long> statuses,
        int failures,
        List<String> failureMessages,
        Duration elapsed,
        PreWindow preWindow) {
    /** How many failure messages a report keeps: enough to diagnose, few enough to print. */
    public static final int MAX_MESSAGES = 20;

    public SimulationReport {
        EnumMap<Journey, Integer> perJourney = new EnumMap<>(Journey.class);
        perJourney.putAll(journeys);
        journeys = Collections.unmodifiableMap(perJourney);
        statuses = Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
        failureMessages = List.copyOf(failureMessages);
        java.util.Objects.requireNonNull(preWindow, "preWindow must not be null; use PreWindow.NONE");
    }

    /** Whether every pre-window customer signed up and every session went as its journey expected. */
    public boolean succeeded() {
        return failures == 0 && preWindow.succeeded();
    }

    /** Answers with this HTTP status. */
    public long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    /** A few lines for a terminal. */
    public String summary() {
        String byStatus = statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder()
                .append(sessions).append(" sessions, ").append(requests).append(" requests in ")
                .append(elapsed.toMillis()).append(" ms; statuses ").append(byStatus).append("; ")
                .append(failures).append(failures == 1 ? " failure" : " failures");
        if (preWindow.planned() > 0) {
            text.append("; before the window ").append(preWindow.customers().size()).append(" of ").append(preWindow.planned())
                    .append(" customers signed up");
        }
        for (String message : preWindow.failures()) {
            text.append(System.lineSeparator()).append("  ").append(message);
        }
        for (String message : failureMessages) {
            text.append(System.lineSeparator()).append("  ").append(message);
        }
        return text.toString();
    }
}
