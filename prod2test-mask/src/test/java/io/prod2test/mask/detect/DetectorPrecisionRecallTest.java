package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prod2test.mask.FieldContext;
import io.prod2test.mask.Location;
import io.prod2test.mask.PiiKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link Detectors#standard()} on a labelled corpus
 * ({@code src/test/resources/detect/corpus.jsonl}, built by {@code make_corpus.py} next to it):
 * field values as the sample services send them, free-text tickets and mails, log lines, CSV and
 * SQL, and near misses. A detection counts as right only with the exact span and kind. Prints a
 * table per split ("dev": tuned on; "holdout": measured once, then fixed; "fresh": written after
 * all tuning) and for the whole corpus, and every miss and false alarm, to stdout
 * (target/surefire-reports/…-output.txt).
 */
class DetectorPrecisionRecallTest {
    /** A labelled text; {@code split} is "dev" (tuned on) or "holdout" (written after tuning, never tuned on). */
    record Item(String id, String split, String text, FieldContext field, Set<Span> expected) {
    }

    record Span(int start, int end, PiiKind kind) {
    }

    private static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    /** Counts per kind and overall, for one part of the corpus. */
    private static final class Tally {
        final Map<PiiKind, Counts> byKind = new EnumMap<>(PiiKind.class);
        final Counts overall = new Counts();
        int items;
        int spans;

        Counts kind(PiiKind kind) {
            return byKind.computeIfAbsent(kind, k -> new Counts());
        }
    }

    private static List<Item> corpus;
    private static final Tally ALL = new Tally();
    private static final Map<String, Tally> BY_SPLIT = new java.util.TreeMap<>();
    private static final List<String> MISTAKES = new ArrayList<>();

    @BeforeAll
    static void measure() throws IOException {
        corpus = load();
        for (Item item : corpus) {
            Tally split = BY_SPLIT.computeIfAbsent(item.split(), k -> new Tally());
            for (Tally tally : List.of(ALL, split)) {
                tally.items++;
                tally.spans += item.expected().size();
            }
            List<Detection> found = Detectors.standard().detect(item.text(), item.field());
            Set<Span> actual = new HashSet<>();
            for (Detection d : found) {
                actual.add(new Span(d.start(), d.end(), d.kind()));
            }
            for (Span span : actual) {
                boolean right = item.expected().contains(span);
                for (Tally tally : List.of(ALL, split)) {
                    if (right) {
                        tally.kind(span.kind()).truePositives++;
                        tally.overall.truePositives++;
                    } else {
                        tally.kind(span.kind()).falsePositives++;
                        tally.overall.falsePositives++;
                    }
                }
                if (!right) {
                    MISTAKES.add("false alarm " + item.id() + " (" + item.split() + ") " + span.kind() + " [" + slice(item, span)
                            + "] in: " + item.text());
                }
            }
            for (Span span : item.expected()) {
                if (!actual.contains(span)) {
                    for (Tally tally : List.of(ALL, split)) {
                        tally.kind(span.kind()).falseNegatives++;
                        tally.overall.falseNegatives++;
                    }
                    MISTAKES.add("missed      " + item.id() + " (" + item.split() + ") " + span.kind() + " [" + slice(item, span)
                            + "] in: " + item.text() + "  (found " + Found.render(item.text(), found) + ")");
                }
            }
        }
        BY_SPLIT.forEach((name, tally) -> System.out.println("split " + name + ":\n" + table(tally)));
        System.out.println("whole corpus:\n" + table(ALL));
        MISTAKES.forEach(System.out::println);
    }

    @Test
    void theCorpusIsBigAndVaried() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        assertThat(corpus.stream().filter(i -> i.expected().isEmpty()).count()).as("near misses").isGreaterThanOrEqualTo(100);
        Set<PiiKind> labelled = new HashSet<>();
        corpus.forEach(i -> i.expected().forEach(s -> labelled.add(s.kind())));
        assertThat(labelled).as("every kind a detector reports is in the corpus")
                .containsAll(Set.of(PiiKind.EMAIL, PiiKind.CARD_NUMBER, PiiKind.PHONE, PiiKind.MY_NUMBER, PiiKind.CORPORATE_NUMBER,
                        PiiKind.IBAN, PiiKind.IP_ADDRESS, PiiKind.JWT, PiiKind.SECRET, PiiKind.POSTAL_CODE, PiiKind.ADDRESS,
                        PiiKind.PERSON_NAME, PiiKind.DATE_OF_BIRTH));
    }

    @Test
    void overallPrecisionAndRecallAreAtLeast95Percent() {
        assertThat(ALL.overall.precision()).as("overall precision\n" + table(ALL)).isGreaterThanOrEqualTo(0.95);
        assertThat(ALL.overall.recall()).as("overall recall\n" + table(ALL)).isGreaterThanOrEqualTo(0.95);
    }

    /**
     * Floors per kind. Every kind but person names is held to 0.95 both ways. Person names are the
     * weakest and their floors say so: a name in prose without a label, an honorific or a field
     * ("担当の鈴木です", a CSV row, an SQL VALUES list) is not found, and a bare {@code name} field
     * holding a thing ("南部鉄器 急須" at a JSON root, "guest", "null") or a katakana phrase that
     * fits a reading's shape ("カタカナ テキスト") is taken for one; all of these are in the corpus
     * on purpose.
     */
    @Test
    void everyKindMeetsItsFloor() {
        Map<PiiKind, double[]> floors = new EnumMap<>(PiiKind.class);
        for (PiiKind kind : List.of(PiiKind.EMAIL, PiiKind.CARD_NUMBER, PiiKind.MY_NUMBER, PiiKind.CORPORATE_NUMBER,
                PiiKind.IBAN, PiiKind.IP_ADDRESS, PiiKind.JWT, PiiKind.POSTAL_CODE, PiiKind.DATE_OF_BIRTH, PiiKind.PHONE,
                PiiKind.SECRET, PiiKind.ADDRESS)) {
            floors.put(kind, new double[] {0.95, 0.95});
        }
        floors.put(PiiKind.PERSON_NAME, new double[] {0.90, 0.85});
        floors.forEach((kind, floor) -> {
            Counts counts = ALL.kind(kind);
            assertThat(counts.precision()).as(kind + " precision\n" + table(ALL)).isGreaterThanOrEqualTo(floor[0]);
            assertThat(counts.recall()).as(kind + " recall\n" + table(ALL)).isGreaterThanOrEqualTo(floor[1]);
        });
    }

    /**
     * The split written after all tuning is the honest estimate of what to expect on new traffic:
     * measured once at precision 0.969 and recall 0.851; a bug it showed (numbers between commas
     * of a CSV row taken for thousands groups) was fixed since, which brought recall to 0.878.
     */
    @Test
    void theSplitWrittenAfterTuningMeetsItsFloors() {
        Tally fresh = BY_SPLIT.get("fresh");
        assertThat(fresh).as("the corpus has a fresh split").isNotNull();
        assertThat(fresh.overall.precision()).as("fresh precision\n" + table(fresh)).isGreaterThanOrEqualTo(0.95);
        assertThat(fresh.overall.recall()).as("fresh recall\n" + table(fresh)).isGreaterThanOrEqualTo(0.85);
    }

    static String table(Tally tally) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-17s %5s %5s %5s %9s %7s%n", "kind", "TP", "FP", "FN", "precision", "recall"));
        tally.byKind.forEach((kind, c) -> out.append(row(kind.name(), c)));
        out.append(row("OVERALL", tally.overall));
        out.append(String.format(Locale.ROOT, "(%d items, %d labelled spans)%n", tally.items, tally.spans));
        return out.toString();
    }

    private static String row(String name, Counts c) {
        return String.format(Locale.ROOT, "%-17s %5d %5d %5d %9.3f %7.3f%n", name, c.truePositives, c.falsePositives,
                c.falseNegatives, c.precision(), c.recall());
    }

    private static String slice(Item item, Span span) {
        return item.text().substring(span.start(), span.end());
    }

    static List<Item> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Item> items = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(DetectorPrecisionRecallTest.class.getResourceAsStream("/detect/corpus.jsonl"),
                "detect/corpus.jsonl on the test class path");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String text = node.get("text").asText();
                String name = node.hasNonNull("field") ? node.get("field").asText() : null;
                FieldContext field = new FieldContext(Location.valueOf(node.get("location").asText()), name, node.get("path").asText());
                Set<Span> expected = new HashSet<>();
                for (JsonNode e : node.get("expect")) {
                    String value = e.get(1).asText();
                    int start = text.indexOf(value);
                    for (int occurrence = e.path(2).asInt(0); occurrence > 0 && start >= 0; occurrence--) {
                        start = text.indexOf(value, start + 1);
                    }
                    if (start < 0) {
                        throw new IllegalStateException(node.get("id").asText() + ": '" + value + "' is not in the text");
                    }
                    expected.add(new Span(start, start + value.length(), PiiKind.valueOf(e.get(0).asText())));
                }
                items.add(new Item(node.get("id").asText(), node.path("split").asText("dev"), text, field, expected));
            }
        }
        return items;
    }
}
