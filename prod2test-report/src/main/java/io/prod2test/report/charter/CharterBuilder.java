package io.prod2test.report.charter;

import io.prod2test.analyse.Analysis;
import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeCase;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Flow;
import io.prod2test.analyse.Route;
import io.prod2test.analyse.Transition;
import io.prod2test.report.traffic.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns an analysis into charters, one per feature: the decisions of what to explore, in which order
 * and with which values. Pure: the examples come in through {@link Examples}.
 */
public final class CharterBuilder {
    /** Money moves on these routes: amounts and currencies get their own oracle. */
    private static final Pattern MONEY = Pattern.compile("(?i).*(pay|refund|capture|charge|checkout|order|invoice|transfer|gift).*");
    static final int TYPICAL = 5;
    static final int COMBINATIONS = 4;
    static final int EDGE_CASES = 15;
    static final int RARE = 5;
    static final int STEPS = 12;
    static final int VALUE_CHARS = 240;

    private final Analysis analysis;
    private final Examples examples;
    private final Map<Long, Long> arrivals = new HashMap<>();
    private final Map<Long, Route> usualPredecessor = new HashMap<>();

    private CharterBuilder(Analysis analysis, Examples examples) {
        this.analysis = analysis;
        this.examples = examples;
        Map<Long, Long> best = new HashMap<>();
        for (Transition t : analysis.graph()) {
            arrivals.merge(t.to().id(), t.count(), Long::sum);
            if (t.from() != null && t.count() > best.getOrDefault(t.to().id(), 0L)) {
                best.put(t.to().id(), t.count());
                usualPredecessor.put(t.to().id(), t.from());
            }
        }
    }

    /** The charters of every feature the analysis saw, sorted by service and feature. */
    public static List<Charter> build(Analysis analysis, Examples examples) {
        return new CharterBuilder(analysis, examples).all();
    }

    private List<Charter> all() {
        Map<Feature, Set<Route>> features = new LinkedHashMap<>();
        List<Route> routes = new ArrayList<>();
        analysis.flows().forEach(f -> routes.addAll(f.routes()));
        analysis.edgeCases().forEach(e -> routes.add(e.route()));
        analysis.graph().forEach(t -> routes.add(t.to()));
        for (Route r : routes) {
            features.computeIfAbsent(Feature.of(r), k -> new TreeSet<>(Comparator.comparing(Route::template).thenComparing(Route::method)))
                    .add(r);
        }
        return features.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> charter(e.getKey(), e.getValue())).toList();
    }

    private Charter charter(Feature feature, Set<Route> routes) {
        List<Flow> flows = analysis.flows().stream().filter(f -> f.routes().stream().anyMatch(feature::holds))
                .sorted(Comparator.comparingDouble(Flow::priority).reversed().thenComparing(Comparator.comparingLong(Flow::sessions).reversed()))
                .toList();
        long rareLimit = Math.max(1, Math.round(analysis.sessions() * 0.005));
        // flows that take the same steps inside the feature are one item: they differ only elsewhere
        Map<List<Long>, List<Flow>> byProjection = new LinkedHashMap<>();
        flows.stream().filter(f -> f.sessions() > rareLimit).forEach(f -> byProjection.computeIfAbsent(
                f.routes().stream().filter(feature::holds).map(Route::id).toList(), k -> new ArrayList<>()).add(f));
        List<List<Flow>> typicalGroups = byProjection.values().stream().limit(TYPICAL).map(CharterBuilder::mostFrequentFirst).toList();
        List<Flow> typical = typicalGroups.stream().flatMap(List::stream).toList();
        // rare paths of the feature: steps inside it that no frequent flow takes, whatever happened elsewhere
        Map<List<Long>, List<Flow>> rareByProjection = new LinkedHashMap<>();
        flows.stream().filter(f -> f.sessions() <= rareLimit)
                .sorted(Comparator.comparingDouble(Flow::priority).reversed().thenComparing(Comparator.comparingLong(Flow::sessions).reversed()))
                .forEach(f -> {
                    List<Long> projection = f.routes().stream().filter(feature::holds).map(Route::id).toList();
                    if (!byProjection.containsKey(projection)) {
                        rareByProjection.computeIfAbsent(projection, k -> new ArrayList<>()).add(f);
                    }
                });
        List<List<Flow>> rareGroups = rareByProjection.values().stream().limit(RARE).map(CharterBuilder::mostFrequentFirst).toList();
        List<EdgeCase> edges = analysis.edgeCases().stream().filter(e -> feature.holds(e.route()))
                .sorted(Comparator.comparingDouble(EdgeCase::priority).reversed().thenComparing(Comparator.comparingLong(EdgeCase::count).reversed()))
                .limit(EDGE_CASES).toList();

        List<Charter.Section> sections = new ArrayList<>();
        sections.add(new Charter.Section("Typical flows",
                "The paths most users take through " + code(feature.family()) + ": when one of these breaks, most users notice.",
                typicalGroups.stream().map(g -> flowItem(g.getFirst(), feature, g.subList(1, g.size()))).toList()));
        sections.add(new Charter.Section("Features users mix in one session",
                "Sessions that use " + code(feature.family()) + " together with other features: the hand-overs between them are where state goes missing.",
                combinations(feature, flows)));
        sections.add(new Charter.Section("Edge cases and error paths seen in production",
                "What real users already ran into here: each one happened, so each one will happen again.",
                edges.stream().map(this::edgeItem).toList()));
        List<Charter.Item> rareItems = new ArrayList<>(rareGroups.stream().map(g -> flowItem(g.getFirst(), feature, g.subList(1, g.size()))).toList());
        rareItems.addAll(seldomRoutes(routes, typical));
        sections.add(new Charter.Section("Rarely used paths",
                "Paths only a few sessions took: rarely exercised, so least likely to have been tried by anyone before you.",
                rareItems));
        List<String> areas = routes.stream()
                .sorted(Comparator.comparingLong((Route r) -> arrivals.getOrDefault(r.id(), 0L)).reversed().thenComparing(Route::label))
                .map(this::area).toList();
        int items = sections.stream().mapToInt(s -> s.items().size()).sum();
        int minutes = (int) Math.min(120, Math.max(30, Math.round((30 + 6.0 * items) / 15) * 15));
        long sessions = flows.stream().mapToLong(Flow::sessions).sum();
        String mission = sessions == 0
                ? "Explore " + code(feature.family()) + " of " + plain(feature.service()) + ", which users reach only through other services, with the"
                        + " requests those services sent, to discover where the odd inputs and errors production saw make it misbehave."
                : "Explore " + code(feature.family()) + " of " + plain(feature.service()) + " with the requests real users sent (" + count(sessions) + " of "
                        + count(analysis.sessions()) + " sessions reached it) to discover where the flows, the hand-overs to other"
                        + " features and the odd inputs production saw make it misbehave.";
        return new Charter(feature, mission, areas, minutes, sections);
    }

    private String area(Route r) {
        long calls = arrivals.getOrDefault(r.id(), 0L);
        Route before = usualPredecessor.get(r.id());
        if (calls > 0) {
            return code(r.label()) + " — " + count(calls) + " user calls" + (before == null ? "" : ", most often after " + code(before.label()));
        }
        // reached only from other services: say which user step makes them call it
        Map<String, Long> causes = new HashMap<>();
        for (Transition t : analysis.graph()) {
            for (Transition.DownstreamCall d : t.downstream()) {
                if (d.method().equals(r.method()) && (d.service() == null || d.service().equals(r.service()))
                        && (d.target().equals(r.template()) || matches(r.template(), d.target()))) {
                    causes.merge(t.to().label(), d.calls(), Long::sum);
                }
            }
        }
        String by = causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> code(e.getKey()) + " (" + count(e.getValue()) + ")").collect(java.util.stream.Collectors.joining(", "));
        return code(r.label()) + " — no direct user calls" + (by.isEmpty() ? "" : "; called by other services while answering " + by);
    }

    /** A group is covered when every variant is, not covered when none is touched, partly covered in between. */
    static Coverage coverage(List<Flow> group) {
        if (group.stream().allMatch(f -> f.coverage() == Coverage.UNKNOWN)) {
            return Coverage.UNKNOWN;
        }
        if (group.stream().allMatch(f -> f.coverage() == Coverage.COVERED)) {
            return Coverage.COVERED;
        }
        if (group.stream().allMatch(f -> f.coverage() == Coverage.NOT_COVERED || f.coverage() == Coverage.UNKNOWN)) {
            return Coverage.NOT_COVERED;
        }
        return Coverage.PARTLY_COVERED;
    }

    /** The group's most frequent flow first: it stands for the group with its example session. */
    private static List<Flow> mostFrequentFirst(List<Flow> group) {
        List<Flow> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparingLong(Flow::sessions).reversed().thenComparingLong(Flow::id));
        return sorted;
    }

    private Charter.Item flowItem(Flow flow, Feature feature, List<Flow> alike) {
        List<Sample> samples = examples.ofFlow(flow);
        String title = "Flow #" + flow.id() + ": " + String.join(" → ", flow.labels()) + " — " + count(flow.sessions()) + " session"
                + (flow.sessions() == 1 ? "" : "s") + " (" + percent(flow.share()) + ")";
        if (!alike.isEmpty()) {
            long all = flow.sessions() + alike.stream().mapToLong(Flow::sessions).sum();
            title += "; with " + alike.size() + " more variant" + (alike.size() == 1 ? "" : "s") + " (" + alike.stream().map(f -> "#" + f.id())
                    .collect(java.util.stream.Collectors.joining(", ")) + ") that take the same steps in " + code(feature.family()) + ": "
                    + count(all) + " sessions (" + percent(all / (double) Math.max(1, analysis.sessions())) + ")";
        }
        List<String> steps = new ArrayList<>();
        String session = samples.isEmpty() ? null : samples.getFirst().sessionKey();
        if (samples.isEmpty()) {
            flow.routes().forEach(r -> steps.add(code(r.label()) + (feature.holds(r) ? "" : " (" + code(Feature.of(r).family()) + ")")));
        } else {
            // the calls before the feature set it up; after its last call and the one that uses its result, the session is elsewhere
            int last = -1;
            for (int i = 0; i < samples.size(); i++) {
                Sample sample = samples.get(i);
                if (flow.routes().stream().anyMatch(r -> feature.holds(r) && r.method().equals(sample.method()) && matches(r.template(), sample.path()))) {
                    last = i;
                }
            }
            int shown = Math.min(STEPS, last < 0 ? samples.size() : Math.min(samples.size(), last + 2));
            samples.stream().limit(shown).forEach(s -> steps.add(request(s) + " → production answered **" + s.status() + "**"));
            if (samples.size() > shown) {
                steps.add("… then " + (samples.size() - shown) + " more call" + (samples.size() - shown == 1 ? "" : "s")
                        + " elsewhere in the session, up to " + code(samples.getLast().requestLine()));
            }
        }
        List<String> oracles = new ArrayList<>();
        Set<Integer> statuses = new LinkedHashSet<>();
        samples.forEach(s -> statuses.add(s.status()));
        oracles.add(statuses.isEmpty() ? "Every step answers 2xx; nothing answers 5xx."
                : "Each step answers as it did in production (" + join(statuses) + "); nothing answers 5xx.");
        oracles.add("What one step creates (the ids in its answer) is what the next step finds; read it back where a GET exists.");
        if (flow.routes().stream().anyMatch(r -> MONEY.matcher(r.template()).matches())) {
            String money = moneyOf(samples);
            oracles.add("Money stays right: " + (money.isEmpty() ? "amounts and currencies carry" : "the amount " + money + " carries")
                    + " through every step unchanged, totals add up, nothing is charged or refunded twice.");
        }
        if (flow.errorSessions() > 0) {
            oracles.add(count(flow.errorSessions()) + " of these " + count(flow.sessions()) + " sessions met an error answer in production ("
                    + percent(flow.errorSessions() / (double) flow.sessions()) + "): find the step and whether the user can recover.");
        }
        List<Flow> group = new ArrayList<>(alike);
        group.add(flow);
        Coverage coverage = coverage(group);
        if (flow.coverage() == Coverage.COVERED && coverage != Coverage.COVERED) {
            title += " — flow #" + flow.id() + " itself is covered by existing tests, its variants are not";
        }
        return new Charter.Item(title, coverage, session, steps, oracles);
    }

    private List<Charter.Item> combinations(Feature feature, List<Flow> flows) {
        Map<Feature, Long> mixed = new HashMap<>();
        Map<Feature, Flow> example = new HashMap<>();
        for (Flow f : flows) {
            Set<Feature> others = new LinkedHashSet<>();
            f.routes().stream().map(Feature::of).filter(x -> !x.equals(feature)).forEach(others::add);
            for (Feature other : others) {
                mixed.merge(other, f.sessions(), Long::sum);
                Flow seen = example.get(other);
                if (seen == null || f.sessions() > seen.sessions()) {
                    example.put(other, f);
                }
            }
        }
        return mixed.entrySet().stream()
                .sorted(Map.Entry.<Feature, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(COMBINATIONS)
                .map(e -> combination(feature, e.getKey(), e.getValue(), example.get(e.getKey()))).toList();
    }

    private Charter.Item combination(Feature feature, Feature other, long sessions, Flow flow) {
        String otherName = other.service().equals(feature.service()) ? code(other.family()) : code(other.family()) + " of " + plain(other.service());
        String title = code(feature.family()) + " together with " + otherName + " — " + count(sessions) + " sessions ("
                + percent(sessions / (double) Math.max(1, analysis.sessions())) + ")";
        List<String> steps = new ArrayList<>();
        List<Sample> samples = examples.ofFlow(flow);
        List<Route> routes = flow.routes();
        for (int i = 0; i + 1 < routes.size(); i++) {
            Route a = routes.get(i);
            Route b = routes.get(i + 1);
            boolean handOver = (feature.holds(a) && other.holds(b)) || (other.holds(a) && feature.holds(b));
            if (handOver) {
                steps.add("Hand-over users take (flow #" + flow.id() + "): " + code(a.label()) + " → " + code(b.label()));
                break;
            }
        }
        samples.stream().filter(s -> routes.stream().anyMatch(r -> r.method().equals(s.method())
                        && (feature.holds(r) || other.holds(r)) && matches(r.template(), s.path())))
                .limit(6).forEach(s -> steps.add(request(s) + " → **" + s.status() + "**"));
        if (samples.isEmpty()) {
            steps.add("Follow " + String.join(" → ", flow.labels().stream().map(CharterBuilder::code).toList()));
        }
        steps.add("Then vary it: interleave the two features in another order, go back a step, use a second browser tab.");
        List<String> oracles = List.of(
                "State set in one feature is what the other sees (the same customer, cart, amounts and currency), also after going back.",
                "Neither feature answers 5xx or loses the user's work when they switch between them.");
        return new Charter.Item(title, flow.coverage(), samples.isEmpty() ? null : samples.getFirst().sessionKey(), steps, oracles);
    }

    private Charter.Item edgeItem(EdgeCase e) {
        String what = switch (e.kind()) {
            case ERROR_STATUS -> code(e.route().label()) + " answered " + e.status();
            default -> e.kind().label() + " on " + code(e.route().label()) + ": " + plain(e.detail());
        };
        String title = what + " — " + count(e.count()) + " call" + (e.count() == 1 ? "" : "s") + " in " + count(e.sessions()) + " session"
                + (e.sessions() == 1 ? "" : "s");
        List<String> steps = new ArrayList<>();
        List<Sample> samples = examples.ofEdgeCase(e);
        for (Sample s : samples.stream().limit(2).toList()) {
            steps.add("Send " + request(s) + " → production answered **" + s.status() + "**"
                    + (s.durationMs() == null ? "" : " in " + s.durationMs() + " ms")
                    + (s.sessionKey() == null ? "" : " (session " + code(s.sessionKey()) + ")"));
        }
        if (samples.isEmpty()) {
            steps.add("Send " + code(e.route().label()) + " as in session " + (e.examples().isEmpty() ? "(none kept)" : code(e.examples().getFirst())));
        }
        steps.add(variation(e));
        return new Charter.Item(title, e.coverage(), null, steps, oracles(e, samples));
    }

    private static String variation(EdgeCase e) {
        return switch (e.kind()) {
            case ERROR_STATUS -> "Vary the input that caused it one field at a time to find the edge between accepted and refused.";
            case ODD_VALUE -> "Try its neighbours too: 0, -1, 1, the largest allowed value and one above, an empty string, 201 characters, an emoji.";
            case RARE_SHAPE -> "Send it with one field missing, one extra field, and a field of the wrong type.";
            case RETRY -> "Send the same request again with the same Idempotency-Key, then once more with the same key and another body.";
            case DUPLICATE -> "Send the same request twice within a second (a double click), then twice a minute apart.";
            case OUT_OF_ORDER -> "Call it without the step that usually comes first, and after that step failed.";
            case SLOW -> "Repeat it with a larger input (more items, a longer history) and time each answer.";
            case CONCURRENT -> "Send two such writes to the same resource at the same moment (two terminals or browser tabs).";
        };
    }

    private static List<String> oracles(EdgeCase e, List<Sample> samples) {
        List<String> out = new ArrayList<>();
        switch (e.kind()) {
            case ERROR_STATUS -> {
                if (e.status() >= 500) {
                    out.add("A " + e.status() + " is a bug until shown otherwise: find the input that triggers it and whether it is repeatable.");
                } else {
                    out.add("The answer is " + e.status() + " with a body that names the field or rule at fault, and no stack trace or internal id.");
                }
                out.add("Nothing changed behind the error: no half-created record, no money moved; the user can correct and retry.");
            }
            case ODD_VALUE -> {
                out.add("The value (" + plain(e.detail()) + ") is either accepted with its real meaning or refused with a 4xx naming the field.");
                out.add("What is stored and shown later is the value sent, not a rounded, truncated or mangled one.");
            }
            case RARE_SHAPE -> out.add("The unusual body (" + plain(e.detail()) + ") is handled like the usual one or refused clearly; never a 5xx.");
            case RETRY -> {
                out.add("The repeat returns the first answer (same id, same status) and acts once: one order, one charge.");
                out.add("The same key with another body is refused (409 or 422), not silently applied.");
            }
            case DUPLICATE -> out.add("A double submission creates one thing, or two the user can see and undo; never two charges unnoticed.");
            case OUT_OF_ORDER -> out.add("Without its usual predecessor the call is refused plainly (409/422) or copes; no state later steps trip over.");
            case SLOW -> {
                long worst = samples.stream().filter(s -> s.durationMs() != null).mapToLong(Sample::durationMs).max().orElse(0);
                out.add("Production took " + (worst > 0 ? "up to " + worst + " ms" : "longest") + " here: find what makes it slow and whether"
                        + " clients time out or retry meanwhile.");
            }
            case CONCURRENT -> out.add("The final state is one of the two writes, never a mix; no lost update, no double charge, no deadlock error.");
        }
        if (e.kind() != EdgeKind.ERROR_STATUS && e.kind() != EdgeKind.RARE_SHAPE) {
            out.add("Nothing answers 5xx.");
        }
        return out;
    }

    private List<Charter.Item> seldomRoutes(Set<Route> routes, List<Flow> typical) {
        Set<Long> inTypical = new java.util.HashSet<>();
        typical.forEach(f -> f.routes().forEach(r -> inTypical.add(r.id())));
        long total = arrivals.values().stream().mapToLong(Long::longValue).sum();
        return routes.stream().filter(r -> !inTypical.contains(r.id()))
                .filter(r -> arrivals.getOrDefault(r.id(), 0L) <= Math.max(1, total / 100))
                .limit(RARE)
                .map(r -> new Charter.Item("Seldom called: " + code(r.label()) + " — " + count(arrivals.getOrDefault(r.id(), 0L)) + " user calls",
                        Coverage.UNKNOWN, null,
                        List.of("Call " + code(r.label()) + " with values taken from the flows above, then with ids that do not exist or belong to another user."),
                        List.of("It answers as documented, 404 for what does not exist, 403/404 for what belongs to someone else; never 5xx.")))
                .toList();
    }

    /** {@code `POST /orders/812` with `{"amount":4980}`}: one request with its concrete values. */
    static String request(Sample s) {
        String line = code(s.requestLine());
        return s.requestBody().isEmpty() || s.requestBody().equals("null") ? line : line + " with " + code(shorten(s.requestBody()));
    }

    private static String moneyOf(List<Sample> samples) {
        Pattern amount = Pattern.compile("\"(amount|total|price|unitPrice)\": ?(-?[0-9.]+)");
        Pattern currency = Pattern.compile("\"currency\": ?\"([A-Za-z]{3})\"");
        for (Sample s : samples) {
            var a = amount.matcher(s.requestBody());
            if (a.find()) {
                var c = currency.matcher(s.requestBody());
                return code(a.group(2) + (c.find() ? " " + c.group(1).toUpperCase(Locale.ROOT) : "")) + " (as " + code(a.group(1)) + ")";
            }
        }
        return "";
    }

    /** Whether a concrete path fits a template ({@code {x}} is any one segment). */
    static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!(t[i].startsWith("{") && t[i].endsWith("}")) && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    static String shorten(String text) {
        String flat = text.replace('\r', ' ').replace('\n', ' ');
        int cut = flat.offsetByCodePoints(0, Math.min(VALUE_CHARS, flat.codePointCount(0, flat.length())));
        return cut < flat.length() ? flat.substring(0, cut) + " …" : flat;
    }

    /**
     * A Markdown code span that shows {@code text} literally: values come from users, so a backtick,
     * an asterisk or a link in them must not turn into Markdown.
     */
    static String code(String text) {
        String flat = text.replace('\r', ' ').replace('\n', ' ');
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || longest > 0;
        return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
    }

    /** Text from the analysis outside code spans: Markdown's active characters escaped. */
    static String plain(String text) {
        StringBuilder out = new StringBuilder();
        for (char ch : text.replace('\r', ' ').replace('\n', ' ').toCharArray()) {
            if ("\\`*_[]<>#|!".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }

    private static String join(Set<Integer> statuses) {
        return String.join(", ", statuses.stream().map(String::valueOf).toList());
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.001 ? "%.2f%%" : "%.1f%%", share * 100);
    }
}
