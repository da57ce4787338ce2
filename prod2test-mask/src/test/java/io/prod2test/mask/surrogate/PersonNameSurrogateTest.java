package io.prod2test.mask.surrogate;

import static io.prod2test.mask.surrogate.SurrogateTesting.OTHER;
import static io.prod2test.mask.surrogate.SurrogateTesting.SURROGATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.mask.PiiKind;
import io.prod2test.mask.surrogate.Scripts.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNameSurrogateTest {
    private static Tables.JaName pick(List<Tables.JaName> names, Random random) {
        return names.get(random.nextInt(names.size()));
    }

    private static String separator(Random random) {
        return random.nextInt(4) == 0 ? "\u3000" : " ";
    }

    /** Runs of letters and their scripts, and what lies between them. */
    private static List<String> shape(String name) {
        List<String> shape = new ArrayList<>();
        StringBuilder between = new StringBuilder();
        boolean inLetters = false;
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            boolean letter = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
            if (letter) {
                if (!inLetters && between.length() > 0) {
                    shape.add("sep:" + between);
                    between.setLength(0);
                }
                run.appendCodePoint(c);
            } else {
                if (inLetters) {
                    shape.add("run:" + Scripts.of(run.toString()));
                    run.setLength(0);
                }
                between.appendCodePoint(c);
            }
            inLetters = letter;
        }
        if (run.length() > 0) {
            shape.add("run:" + Scripts.of(run.toString()));
        }
        if (between.length() > 0) {
            shape.add("sep:" + between);
        }
        return shape;
    }

    private static void assertSameScriptAndShape(long seed, Function<Random, String> generator, Script script) {
        List<String> names = SurrogateTesting.generate(seed, 1_000, generator);
        assertThat(names).hasSizeGreaterThan(900);
        for (String name : names) {
            String surrogate = SURROGATES.personName(name);
            assertThat(SurrogateFormats.isValid(PiiKind.PERSON_NAME, surrogate)).isTrue();
            assertThat(surrogate).isNotEqualTo(name);
            assertThat(shape(surrogate)).as("%s -> %s", name, surrogate).isEqualTo(shape(name));
            assertThat(Scripts.of(surrogate)).isEqualTo(script);
        }
        long same = names.stream().filter(n -> SURROGATES.personName(n).equals(OTHER.personName(n))).count();
        assertThat(same).isLessThan(names.size() / 100);
    }

    @Test
    void kanjiNamesBecomeKanjiNames() {
        assertSameScriptAndShape(71, r -> pick(Tables.JA_FAMILY, r).written() + separator(r)
                + pick(Tables.JA_GIVEN.stream().filter(n -> Scripts.of(n.written()) == Script.HAN).toList(), r).written(), Script.HAN);
        String surrogate = SURROGATES.personName("佐藤 太郎");
        assertThat(surrogate.codePoints().filter(c -> c != ' ').allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).isTrue();
    }

    @Test
    void katakanaNamesBecomeKatakanaNames() {
        assertSameScriptAndShape(72, r -> pick(Tables.JA_FAMILY, r).kana() + separator(r) + pick(Tables.JA_GIVEN, r).kana(), Script.KATAKANA);
    }

    @Test
    void hiraganaNamesBecomeHiraganaNames() {
        assertSameScriptAndShape(73, r -> Chars.toHiragana(pick(Tables.JA_FAMILY, r).kana() + " " + pick(Tables.JA_GIVEN, r).kana()), Script.HIRAGANA);
    }

    @Test
    void halfWidthKatakanaStaysHalfWidth() {
        String surrogate = SURROGATES.personName("ｻﾄｳ ﾀﾛｳ");
        assertThat(surrogate).matches("[\\uFF66-\\uFF9F]+ [\\uFF66-\\uFF9F]+");
    }

    @Test
    void latinNamesBecomeLatinNamesInTheSameCase() {
        assertSameScriptAndShape(74, r -> {
            String name = Tables.LATIN_GIVEN.get(r.nextInt(Tables.LATIN_GIVEN.size())) + " " + Tables.LATIN_FAMILY.get(r.nextInt(Tables.LATIN_FAMILY.size()));
            return r.nextInt(5) == 0 ? name.toUpperCase() : name;
        }, Script.LATIN);
        assertThat(SURROGATES.personName("EMILY JOHNSON")).isEqualTo(SURROGATES.personName("Emily Johnson").toUpperCase());
        assertThat(SURROGATES.personName("emily johnson")).isEqualTo(SURROGATES.personName("Emily Johnson").toLowerCase());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Emily|^[A-Z][a-z]+$",
        "佐藤 太郎 🌸|^\\p{IsHan}+ \\p{IsHan}+ 🌸$",
        "Emily Johnson ✨|^[A-Z][a-z]+ [A-Z][a-z]+ ✨$",
        "Zoë Ångström-Núñez|^[A-Z][a-z]+ [A-Z][a-z]+-[A-Z][a-z]+$",
        "José María García-Peña|^[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+-[A-Z][a-z]+$",
        "Johnson, Emily|^[A-Z][a-z]+, [A-Z][a-z]+$",
        "J. R. Smith|^[A-Z]\\. [A-Z]\\. [A-Z][a-z]+$",
        "Siobhán O'Brien|^[A-Z][a-z]+ [A-Z][a-z]+$",
        "María de los Ángeles|^[A-Z][a-z]+ de los [A-Z][a-z]+$",
        "佐藤太郎|^\\p{IsHan}{2,}$",
        "𠮷田 太郎|^\\p{IsHan}+ \\p{IsHan}+$",
        "マリア・デ・ロス・アンヘレス|^\\p{IsKatakana}+・\\p{IsKatakana}+・\\p{IsKatakana}+・\\p{IsKatakana}+$",
        "佐藤 さくら|^\\p{IsHan}+ \\p{IsHiragana}+$",
        "김민준|^\\p{IsHangul}{3}$",
        "ሰላም ተስፋዬ|^\\p{IsEthiopic}{3} \\p{IsEthiopic}{4}$",
        "Αλέξανδρος Παπαδόπουλος|^\\p{IsGreek}+ \\p{IsGreek}+$"
    })
    void keepsTheShapeOfUnusualNames(String name, String pattern) {
        assertThat(SURROGATES.personName(name)).matches(pattern).isNotEqualTo(name);
    }

    @Test
    void aNameWithoutLettersIsNobodysAndKept() {
        assertThat(SURROGATES.personName("🌸✨")).isEqualTo("🌸✨");
    }

    @Test
    void theTablesAreLargeEnough() {
        assertThat(Tables.JA_FAMILY).hasSizeGreaterThanOrEqualTo(100);
        assertThat(Tables.JA_GIVEN).hasSizeGreaterThanOrEqualTo(100);
        assertThat(Tables.LATIN_FAMILY).hasSizeGreaterThanOrEqualTo(100);
        assertThat(Tables.LATIN_GIVEN).hasSizeGreaterThanOrEqualTo(100);
        assertThat(Tables.JA_FAMILY).allSatisfy(n -> {
            assertThat(Scripts.of(n.written())).isEqualTo(Script.HAN);
            assertThat(Scripts.of(n.kana())).isEqualTo(Script.KATAKANA);
        });
    }

    @Test
    void halfWidthKatakanaConversionCoversVoicedSounds() {
        assertThat(Chars.toHalfWidthKatakana("ガンバ・パーク")).isEqualTo("ｶﾞﾝﾊﾞ・ﾊﾟｰｸ");
        assertThat(Chars.toHiragana("サトウ")).isEqualTo("さとう");
    }
}
