package io.prod2test.mask.surrogate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The V1 data tables under {@code surrogate/} on the class path, read once. Picks index into them
 * in file order, so they are part of the scheme: editing one changes outputs (the golden-vector
 * test says so) and needs a new scheme instead.
 */
final class Tables {
    /** A Japanese name: kanji (or kana) form, katakana reading, romanisation. */
    record JaName(String written, String kana, String romaji) {
    }

    /** A city or ward with its prefecture and some of its districts. */
    record JaArea(String prefecture, String city, List<String> districts) {
    }

    /** Japanese postal codes whose first three digits run from {@code from} to {@code to}. */
    record PostalBlock(int from, int to, String prefecture) {
    }

    static final List<JaName> JA_FAMILY = jaNames("ja-family-names.tsv");
    static final List<JaName> JA_GIVEN = jaNames("ja-given-names.tsv");
    static final List<String> LATIN_GIVEN = lines("latin-given-names.txt");
    static final List<String> LATIN_FAMILY = lines("latin-family-names.txt");
    static final List<String> JA_PREFECTURES = lines("ja-prefectures.txt");
    static final List<JaArea> JA_AREAS = lines("ja-areas.tsv").stream().map(line -> {
        String[] f = line.split("\t");
        return new JaArea(f[0], f[1], List.of(f[2].split(",")));
    }).toList();
    static final List<String> JA_BUILDING_KINDS = lines("ja-building-kinds.txt");
    static final List<String> JA_BUILDING_NAMES = lines("ja-building-names.txt");
    static final List<PostalBlock> JP_POSTAL_BLOCKS = lines("jp-postal-blocks.tsv").stream().map(line -> {
        String[] f = line.split("\t");
        return new PostalBlock(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2]);
    }).toList();
    static final List<String> LATIN_STREETS = lines("latin-streets.txt");
    static final List<String> LATIN_STREET_TYPES = lines("latin-street-types.txt");
    static final List<String> LATIN_CITIES = lines("latin-cities.txt");

    private Tables() {
    }

    private static List<JaName> jaNames(String file) {
        return lines(file).stream().map(line -> {
            String[] f = line.split("\t");
            return new JaName(f[0], f[1], f[2]);
        }).toList();
    }

    /** The non-blank lines of a table that are no {@code #} comments. */
    static List<String> lines(String file) {
        String resource = "/surrogate/" + file;
        try (InputStream in = Tables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the surrogate table " + resource + " is missing from the class path");
            }
            List<String> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    out.add(trimmed);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the surrogate table " + resource, e);
        }
    }

    /** Whether a postal code's first three digits fall in a prefecture's block. */
    static boolean jpPostalPrefix(int first3) {
        return JP_POSTAL_BLOCKS.stream().anyMatch(b -> first3 >= b.from() && first3 <= b.to());
    }

    private static final int JP_POSTAL_PREFIX_COUNT = JP_POSTAL_BLOCKS.stream().mapToInt(b -> b.to() - b.from() + 1).sum();

    /** The number of three-digit prefixes in all blocks together. */
    static int jpPostalPrefixCount() {
        return JP_POSTAL_PREFIX_COUNT;
    }

    /** The {@code index}-th three-digit prefix over all blocks in file order. */
    static int jpPostalPrefixAt(int index) {
        for (PostalBlock b : JP_POSTAL_BLOCKS) {
            int size = b.to() - b.from() + 1;
            if (index < size) {
                return b.from() + index;
            }
            index -= size;
        }
        throw new IndexOutOfBoundsException("no postal prefix number " + index);
    }
}
