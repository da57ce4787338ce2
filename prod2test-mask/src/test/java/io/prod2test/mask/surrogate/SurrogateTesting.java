package io.prod2test.mask.surrogate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/** Keys, a pinned reference date and synthetic value generators shared by the surrogate tests. */
final class SurrogateTesting {
    static final MaskingKey KEY = MaskingKey.ofText("prod2test-unit-test-key-0001");
    static final MaskingKey OTHER_KEY = MaskingKey.ofText("prod2test-unit-test-key-0002");
    static final LocalDate REFERENCE = LocalDate.of(2025, 6, 1);

    static final Surrogates SURROGATES = surrogates(KEY);
    static final Surrogates OTHER = surrogates(OTHER_KEY);

    private SurrogateTesting() {
    }

    static Surrogates surrogates(MaskingKey key) {
        return Surrogates.builder(key).referenceDate(REFERENCE).build();
    }

    /** {@code count} distinct values made by {@code generator} from a seeded random source. */
    static List<String> generate(long seed, int count, Function<Random, String> generator) {
        Random random = new Random(seed);
        java.util.LinkedHashSet<String> values = new java.util.LinkedHashSet<>();
        int guard = 0;
        while (values.size() < count && guard++ < count * 50) {
            values.add(generator.apply(random));
        }
        return new ArrayList<>(values);
    }

    static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A Luhn-valid card number of {@code brand} and {@code length}. */
    static String card(Random random, CardBrand brand, int length) {
        CardBrand.Range range = brand.ranges().get(random.nextInt(brand.ranges().size()));
        String prefix = String.format(Locale.ROOT, "%0" + range.length() + "d", range.low() + random.nextInt(range.high() - range.low() + 1));
        String payload = prefix + digits(random, length - 1 - prefix.length());
        return payload + CheckDigits.luhn(payload);
    }

    /** The card laid out as people write it: plain, groups of four with spaces or dashes. */
    static String layout(Random random, String digits) {
        int style = random.nextInt(3);
        if (style == 0) {
            return digits;
        }
        char separator = style == 1 ? ' ' : '-';
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    static String myNumber(Random random) {
        String first11 = digits(random, 11);
        return first11 + CheckDigits.myNumber(first11);
    }

    static String corporateNumber(Random random) {
        String last12 = digits(random, 12);
        return CheckDigits.corporate(last12) + last12;
    }

    /** The characters of {@code text} that are not ASCII letters or digits, in order: its layout. */
    static String separators(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Chars.isAsciiAlnum(c) && !Chars.isFullWidthDigit(c)) {
                out.append(i).append(c);
            }
        }
        return out.toString();
    }
}
