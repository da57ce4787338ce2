package io.prod2test.mask.surrogate;

import io.prod2test.mask.surrogate.Scripts.Script;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Person-name surrogates: plausible names from the V1 tables in the script of each part of the
 * input. The name is cut into letter runs and what lies between them (spaces, {@code ・},
 * hyphens, emoji), which is kept; each run gets a role — family or given name, initial, particle
 * — and a pick from the table of its role and script. Japanese names run family-first, Latin
 * ones given-first ({@code Family, Given} with a comma); katakana names of three or more parts
 * are foreign names and run given-first too.
 *
 * <p>The mark: every name part picked from a table has its index in that table — the distinct
 * kanji-only family or given names, the distinct katakana readings (hiragana and half-width
 * kana read as katakana), the Latin given or family names, each in file order — and the indexes
 * of one name add up to a multiple of {@value #MARK_MODULUS}: the last part picked is drawn from
 * the entries that make it so (in a family-and-given run written without a space, the given
 * name). Initials, kept particles and parts in scripts without a table (scrambled) take no part.
 * A name with no part from a table carries no mark.
 */
final class Names {
    private enum Role { FAMILY, GIVEN, FAMILY_GIVEN, INITIAL, KEEP }

    private record Run(String text, boolean letters, int start) {
    }

    private static final int MAX_ATTEMPTS = 64;
    /** The indexes of a name's table parts add up to a multiple of this. */
    static final int MARK_MODULUS = 16;
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "den", "di", "da", "das", "dos",
            "do", "du", "la", "le", "los", "las", "van", "von", "y", "e", "ten", "ter", "bin", "al", "el", "zu");

    /**
     * A table name parts are picked from: its distinct entries in file order, and their indexes
     * by lookup form (katakana for readings, lower case for Latin names).
     */
    private record Table(List<String> entries, Map<String, Integer> index) {
        static Table of(List<String> entries) {
            List<String> distinct = List.copyOf(new LinkedHashSet<>(entries));
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                index.putIfAbsent(lookupForm(distinct.get(i)), i);
            }
            return new Table(distinct, Map.copyOf(index));
        }

        /** Entry {@code i}, drawn: any, or (with {@code residue} ≥ 0) one whose index is {@code residue} modulo the mark's. */
        int draw(KeyedStream stream, int residue) {
            if (residue < 0) {
                return stream.nextInt(entries.size());
            }
            int count = (entries.size() - residue + MARK_MODULUS - 1) / MARK_MODULUS;
            return residue + MARK_MODULUS * stream.nextInt(count);
        }

        int indexOf(String written) {
            Integer i = index.get(lookupForm(written));
            return i == null ? -1 : i;
        }
    }

    /** Table entries written in kanji only, so a kanji name never gets a hiragana given name. */
    private static final Table FAMILY_KANJI = Table.of(kanjiOnly(Tables.JA_FAMILY).stream().map(Tables.JaName::written).toList());
    private static final Table GIVEN_KANJI = Table.of(kanjiOnly(Tables.JA_GIVEN).stream().map(Tables.JaName::written).toList());
    private static final Table FAMILY_KANA = Table.of(Tables.JA_FAMILY.stream().map(Tables.JaName::kana).toList());
    private static final Table GIVEN_KANA = Table.of(Tables.JA_GIVEN.stream().map(Tables.JaName::kana).toList());
    private static final Table LATIN_GIVEN = Table.of(Tables.LATIN_GIVEN);
    private static final Table LATIN_FAMILY = Table.of(Tables.LATIN_FAMILY);

    /** A pick: the text and the sum of the indexes of the table entries it is made of. */
    private record Pick(String text, int indexes) {
    }

    private Names() {
    }

    static String personName(KeyedHash hash, String core) {
        List<Run> runs = runs(core);
        List<Integer> letterRuns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).letters()) {
                letterRuns.add(i);
            }
        }
        if (letterRuns.isEmpty()) {
            return core; // no letters, no name: an emoji or a dash is nobody's
        }
        KeyedStream stream = hash.stream("person-name", Chars.foldText(core));
        Role[] roles = roles(core, runs, letterRuns);
        int lastTablePart = -1;
        for (int k = 0; k < roles.length; k++) {
            if (fromTable(roles[k], Scripts.of(runs.get(letterRuns.get(k)).text()))) {
                lastTablePart = k;
            }
        }
        StringBuilder out = new StringBuilder(core.length() + 8);
        int indexes = 0;
        int k = 0;
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            if (!run.letters()) {
                out.append(run.text());
                continue;
            }
            Role role = roles[k];
            String replacement = run.text();
            if (role != Role.KEEP) {
                Script script = Scripts.of(run.text());
                // the last table part closes the mark: its index brings the sum to a multiple of the modulus
                int residue = k == lastTablePart ? Math.floorMod(-indexes, MARK_MODULUS) : -1;
                // a pick equal to the input is drawn again; the bound only matters for scripts scramble keeps as they are
                Pick pick = null;
                for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                    pick = pick(role, script, run.text(), stream, residue);
                    if (!pick.text().equalsIgnoreCase(run.text())) {
                        break;
                    }
                }
                replacement = pick.text();
                indexes += pick.indexes();
            }
            out.append(replacement);
            k++;
        }
        return out.toString();
    }

    /** Whether a run of {@code script} in {@code role} is picked from a table (and so takes part in the mark). */
    private static boolean fromTable(Role role, Script script) {
        return role != Role.KEEP && role != Role.INITIAL && switch (script) {
            case HAN, KATAKANA, HIRAGANA, HALF_KATAKANA, LATIN -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code name} carries the mark: every part of a table script is an entry of the table
     * of its role, and their indexes add up to a multiple of {@value #MARK_MODULUS}. A Japanese
     * name of one run is read both as a family name and as family and given name written together.
     */
    static boolean isSurrogate(String name) {
        List<Run> runs = runs(name);
        List<Integer> letterRuns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).letters()) {
                letterRuns.add(i);
            }
        }
        if (letterRuns.isEmpty()) {
            return false;
        }
        Role[] roles = roles(name, runs, letterRuns);
        boolean[] reachable = new boolean[MARK_MODULUS];
        reachable[0] = true;
        boolean any = false;
        for (int k = 0; k < roles.length; k++) {
            String text = runs.get(letterRuns.get(k)).text();
            Script script = Scripts.of(text);
            if (!fromTable(roles[k], script)) {
                continue;
            }
            any = true;
            boolean single = roles.length == 1 && script != Script.LATIN;
            Set<Integer> sums = indexSums(roles[k], script, text, single);
            boolean[] next = new boolean[MARK_MODULUS];
            for (int r = 0; r < MARK_MODULUS; r++) {
                if (reachable[r]) {
                    for (int sum : sums) {
                        next[(r + sum) % MARK_MODULUS] = true;
                    }
                }
            }
            reachable = next;
        }
        return any && reachable[0];
    }

    /** The index sums a run can stand for (none: it is no table entry of its role). */
    private static Set<Integer> indexSums(Role role, Script script, String text, boolean single) {
        Set<Integer> sums = new java.util.HashSet<>();
        Table family = script == Script.HAN ? FAMILY_KANJI : script == Script.LATIN ? LATIN_FAMILY : FAMILY_KANA;
        Table given = script == Script.HAN ? GIVEN_KANJI : script == Script.LATIN ? LATIN_GIVEN : GIVEN_KANA;
        if (single || role == Role.FAMILY_GIVEN) {
            // one run: the reading depends on its length, which the surrogate need not share with the input
            int whole = family.indexOf(text);
            if (whole >= 0) {
                sums.add(whole);
            }
            for (int cut = text.offsetByCodePoints(0, 1); cut < text.length(); cut = text.offsetByCodePoints(cut, 1)) {
                // Japanese runs are family-first, Latin ones given-first
                boolean latin = script == Script.LATIN;
                int f = family.indexOf(latin ? text.substring(cut) : text.substring(0, cut));
                int g = given.indexOf(latin ? text.substring(0, cut) : text.substring(cut));
                if (f >= 0 && g >= 0) {
                    sums.add(f + g);
                }
            }
            return sums;
        }
        int i = (role == Role.FAMILY ? family : given).indexOf(text);
        if (i >= 0) {
            sums.add(i);
        }
        return sums;
    }

    /** How a name part is looked up: kana as full-width katakana, everything in lower case. */
    private static String lookupForm(String text) {
        String nfkc = Chars.nfkc(text);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            out.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static Role[] roles(String core, List<Run> runs, List<Integer> letterRuns) {
        int count = letterRuns.size();
        Role[] roles = new Role[count];
        boolean japanese = false;
        boolean allKatakana = true;
        for (int index : letterRuns) {
            Script script = Scripts.of(runs.get(index).text());
            japanese |= script == Script.HAN || script == Script.HIRAGANA || script == Script.KATAKANA || script == Script.HALF_KATAKANA;
            allKatakana &= script == Script.KATAKANA || script == Script.HALF_KATAKANA;
        }
        if (japanese && !(allKatakana && count >= 3)) {
            if (count == 1) {
                String only = runs.get(letterRuns.get(0)).text();
                Script script = Scripts.of(only);
                int length = only.codePointCount(0, only.length());
                // no space between the parts: long enough to be family and given name together
                roles[0] = length >= (script == Script.HAN ? 3 : 5) ? Role.FAMILY_GIVEN : Role.FAMILY;
            } else {
                roles[0] = Role.FAMILY;
                for (int k = 1; k < count; k++) {
                    roles[k] = Role.GIVEN;
                }
            }
            return roles;
        }
        int comma = core.indexOf(',');
        for (int k = 0; k < count; k++) {
            Run run = runs.get(letterRuns.get(k));
            String text = run.text();
            if (text.codePointCount(0, text.length()) == 1 && Scripts.of(text) == Script.LATIN) {
                roles[k] = Role.INITIAL;
            } else if (k > 0 && k < count - 1 && PARTICLES.contains(text)) {
                roles[k] = Role.KEEP; // de, van, von: kept as written, they name nobody
            } else if (comma >= 0) {
                roles[k] = run.start() < comma ? Role.FAMILY : Role.GIVEN;
            } else if (count == 1) {
                roles[k] = Role.GIVEN;
            } else {
                roles[k] = k == count - 1 ? Role.FAMILY : Role.GIVEN;
            }
        }
        // a hyphenated last name (Brontë-Müller): the parts joined to it by hyphens are family names too
        for (int k = count - 1; k > 1; k--) {
            boolean hyphen = runs.get(letterRuns.get(k) - 1).text().equals("-");
            if (roles[k] == Role.FAMILY && hyphen && roles[k - 1] == Role.GIVEN) {
                roles[k - 1] = Role.FAMILY;
            }
        }
        return roles;
    }

    /** A pick for one run; {@code residue} ≥ 0 asks for an index sum of that residue (the mark's last part). */
    private static Pick pick(Role role, Script script, String original, KeyedStream stream, int residue) {
        return switch (script) {
            case HAN -> japanese(role, FAMILY_KANJI, GIVEN_KANJI, stream, residue);
            case KATAKANA -> japanese(role, FAMILY_KANA, GIVEN_KANA, stream, residue);
            case HIRAGANA -> {
                Pick kana = japanese(role, FAMILY_KANA, GIVEN_KANA, stream, residue);
                yield new Pick(Chars.toHiragana(kana.text()), kana.indexes());
            }
            case HALF_KATAKANA -> {
                Pick kana = japanese(role, FAMILY_KANA, GIVEN_KANA, stream, residue);
                yield new Pick(Chars.toHalfWidthKatakana(kana.text()), kana.indexes());
            }
            case LATIN -> latin(role, original, stream, residue);
            default -> new Pick(Scripts.scramble(original, stream), 0);
        };
    }

    private static Pick japanese(Role role, Table family, Table given, KeyedStream stream, int residue) {
        return switch (role) {
            case FAMILY_GIVEN -> {
                int f = family.draw(stream, -1);
                int g = given.draw(stream, residue < 0 ? -1 : Math.floorMod(residue - f, MARK_MODULUS));
                yield new Pick(family.entries().get(f) + given.entries().get(g), f + g);
            }
            case GIVEN -> {
                int g = given.draw(stream, residue);
                yield new Pick(given.entries().get(g), g);
            }
            default -> {
                int f = family.draw(stream, residue);
                yield new Pick(family.entries().get(f), f);
            }
        };
    }

    private static Pick latin(Role role, String original, KeyedStream stream, int residue) {
        if (role == Role.INITIAL) {
            char letter = (char) ('A' + stream.nextInt(26));
            return new Pick(Character.isLowerCase(original.codePointAt(0)) ? String.valueOf(Character.toLowerCase(letter)) : String.valueOf(letter), 0);
        }
        Pick name = switch (role) {
            case FAMILY -> {
                int f = LATIN_FAMILY.draw(stream, residue);
                yield new Pick(LATIN_FAMILY.entries().get(f), f);
            }
            case FAMILY_GIVEN -> {
                int g = LATIN_GIVEN.draw(stream, -1);
                int f = LATIN_FAMILY.draw(stream, residue < 0 ? -1 : Math.floorMod(residue - g, MARK_MODULUS));
                yield new Pick(LATIN_GIVEN.entries().get(g) + LATIN_FAMILY.entries().get(f), f + g);
            }
            default -> {
                int g = LATIN_GIVEN.draw(stream, residue);
                yield new Pick(LATIN_GIVEN.entries().get(g), g);
            }
        };
        return new Pick(sameCase(original, name.text()), name.indexes());
    }

    /** {@code name} in the casing style of {@code original}: EMBOSSED, lower, or as the table has it. */
    static String sameCase(String original, String name) {
        boolean anyLower = false;
        boolean anyUpper = false;
        for (int i = 0; i < original.length(); ) {
            int c = original.codePointAt(i);
            i += Character.charCount(c);
            anyLower |= Character.isLowerCase(c);
            anyUpper |= Character.isUpperCase(c);
        }
        if (anyUpper && !anyLower && original.codePointCount(0, original.length()) > 1) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (anyLower && !anyUpper) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    /** Letter runs (letters, marks, ー, an apostrophe inside a word) and the runs between them. */
    private static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inLetters = false;
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean letter = isNameLetter(c)
                    || (c == '\'' || c == '\u2019') && inLetters && i + width < text.length() && isNameLetter(text.codePointAt(i + width));
            if (current.length() > 0 && letter != inLetters) {
                runs.add(new Run(current.toString(), inLetters, start));
                current.setLength(0);
                start = i;
            }
            inLetters = letter;
            current.appendCodePoint(c);
            i += width;
        }
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), inLetters, start));
        }
        return runs;
    }

    private static boolean isNameLetter(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static List<Tables.JaName> kanjiOnly(List<Tables.JaName> names) {
        return names.stream().filter(n -> n.written().codePoints().allMatch(c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).toList();
    }
}
