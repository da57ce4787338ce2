package io.prod2test.report.charter;

import io.prod2test.analyse.Coverage;
import java.util.List;
import java.util.Objects;

/**
 * One exploratory charter: what a tester explores of one feature, with what, for how long.
 *
 * @param feature     the service and route family explored
 * @param mission     the mission in one sentence
 * @param areas       the routes of the feature, each with how often users called it
 * @param timeBoxMinutes the session's time box
 * @param sections    the checklists, in the order to work through them
 */
public record Charter(Feature feature, String mission, List<String> areas, int timeBoxMinutes, List<Section> sections) {
    public Charter {
        Objects.requireNonNull(feature, "a charter explores a feature");
        Objects.requireNonNull(mission, "a charter has a mission");
        areas = List.copyOf(areas);
        sections = List.copyOf(sections);
        if (timeBoxMinutes < 15 || timeBoxMinutes > 240) {
            throw new IllegalArgumentException("a time box is 15 to 240 minutes, was " + timeBoxMinutes);
        }
    }

    /** Items in all sections. */
    public int items() {
        return sections.stream().mapToInt(s -> s.items().size()).sum();
    }

    /**
     * A checklist under a heading.
     *
     * @param title what the items have in common, e.g. {@code Typical flows}
     * @param intro one sentence on why this part matters
     * @param items the items, highest priority first
     */
    public record Section(String title, String intro, List<Item> items) {
        public Section {
            Objects.requireNonNull(title, "a section has a title");
            Objects.requireNonNull(intro, "a section has an intro");
            items = List.copyOf(items);
        }
    }

    /**
     * One {@code - [ ]} item.
     *
     * @param title    what to try, with how often production did it
     * @param coverage what existing tests cover of it ({@link Coverage#COVERED} items are marked)
     * @param source   the masked session the steps come from, or {@code null}
     * @param steps    the requests to send, with their concrete values
     * @param oracles  what to look for
     */
    public record Item(String title, Coverage coverage, String source, List<String> steps, List<String> oracles) {
        public Item {
            Objects.requireNonNull(title, "an item has a title");
            Objects.requireNonNull(coverage, "an item has a coverage");
            steps = List.copyOf(steps);
            oracles = List.copyOf(oracles);
        }
    }
}
