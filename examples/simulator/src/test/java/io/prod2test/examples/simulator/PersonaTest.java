package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Synthetic personal data: plausible, valid where it should be, and nobody's. */
class PersonaTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final Pattern KATAKANA = Pattern.compile("[\\p{IsKatakana}ー・ 　]+");
    private static final Pattern JAPANESE_MOBILE = Pattern.compile("0[789]0-[0-9]{4}-[0-9]{4}");
    private static final Pattern JAPANESE_POSTAL_CODE = Pattern.compile("[0-9]{3}-[0-9]{4}");
    private static final Pattern US_PHONE = Pattern.compile("(\\+1 )?[0-9]{3}-555-01[0-9]{2}");
    // the shop's rule (Emails): one @, a dotted domain, no spaces
    private static final Pattern VALID_EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@.][^\\s@]*\\.[^\\s@.]{2,}");
    private static final Set<String> EXAMPLE_DOMAINS = Set.of(
            "example.com", "example.org", "example.net", "example.jp", "example.co.jp", "example.ne.jp");
    private static final List<String> PREFECTURES = JapaneseAddresses.AREAS.stream().map(JapaneseAddresses.Area::prefecture).distinct().toList();

    private static List<SessionPlan> plans;

    @BeforeAll
    static void plan() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600), ZoneOffset.UTC);
        plans = new Simulator(new SimulationConfig(77, 5_000, 8, URI.create("http://localhost:1")), UsageModel.standard(), clock).plan();
    }

    private static List<Persona> ordinary(boolean japanese) {
        return plans.stream()
                .filter(p -> !p.journey().edgeCase())
                .map(SessionPlan::persona)
                .filter(p -> p.japanese() == japanese)
                .toList();
    }

    @Test
    void bothLocalesArePresentJapaneseMostly() {
        long japanese = plans.stream().filter(p -> p.persona().japanese()).count();
        assertThat(japanese).isBetween(3_000L, 3_800L);
        assertThat(plans).extracting(p -> p.persona().locale()).containsOnly("ja", "en");
    }

    @Test
    void japanesePersonasHaveKanjiNamesWithKatakanaReadings() {
        for (Persona persona : ordinary(true)) {
            assertThat(persona.name()).matches("\\p{IsHan}+[ 　][\\p{IsHan}\\p{IsHiragana}]+");
            assertThat(persona.nameKana()).matches(KATAKANA);
            // the reading has the same shape as the name: family, space, given
            assertThat(persona.nameKana().split("[ 　]")).hasSize(2);
        }
    }

    @Test
    void japanesePhonesPostalCodesAndAddressesLookJapanese() {
        for (Persona persona : ordinary(true)) {
            assertThat(persona.phone()).matches(JAPANESE_MOBILE);
            assertThat(persona.postalCode()).matches(JAPANESE_POSTAL_CODE);
            assertThat(PREFECTURES).anySatisfy(prefecture -> assertThat(persona.address()).startsWith(prefecture));
            assertThat(persona.address()).matches(".*[0-9]+(丁目[0-9]+|-[0-9]+)-[0-9]+.*");
        }
        assertThat(ordinary(true)).extracting(p -> p.phone().substring(0, 3)).contains("090", "080", "070");
        assertThat(ordinary(true)).anySatisfy(p -> assertThat(p.address()).startsWith("東京都新宿区"));
    }

    @Test
    void englishPersonasHaveUsPhonesAndAddressesAndNoReading() {
        for (Persona persona : ordinary(false)) {
            assertThat(persona.nameKana()).isNull();
            assertThat(persona.name()).matches("\\S.* \\S.*");
            assertThat(persona.phone()).matches(US_PHONE);
            assertThat(persona.postalCode()).matches("[0-9]{5}(-[0-9]{4})?");
            assertThat(persona.address()).matches(".+, .+, [A-Z]{2}");
        }
    }

    @Test
    void emailsAreBuiltFromTheNameOnExampleDomains() {
        for (SessionPlan plan : plans) {
            Persona persona = plan.persona();
            String email = plan.journey() == Journey.INVALID_EMAIL ? plan.secondEmail() : persona.email();
            assertThat(email).matches(VALID_EMAIL);
            assertThat(EXAMPLE_DOMAINS).contains(email.substring(email.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(plans).anySatisfy(p -> assertThat(p.persona().email()).matches("[a-z]+\\.sato[0-9]+@.*|sato\\.[a-z]+[0-9]+@.*"));
    }

    @Test
    void malformedEmailsBreakTheShopsRule() {
        List<SessionPlan> invalid = plans.stream().filter(p -> p.journey() == Journey.INVALID_EMAIL).toList();
        assertThat(invalid).isNotEmpty();
        for (SessionPlan plan : invalid) {
            assertThat(plan.persona().email().strip()).doesNotMatch(VALID_EMAIL);
        }
    }

    @Test
    void adultsAreAdultsAndMinorsAreUnderEighteen() {
        for (SessionPlan plan : plans) {
            int age = Period.between(plan.persona().dateOfBirth(), TODAY).getYears();
            if (plan.journey() == Journey.UNDERAGE_SIGNUP) {
                assertThat(age).isBetween(13, 17);
            } else {
                assertThat(age).isBetween(20, 79);
            }
        }
    }

    @Test
    void myNumbersAreValid() {
        for (SessionPlan plan : plans) {
            assertThat(plan.persona().myNumber()).matches("[0-9]{12}");
            assertThat(MyNumbers.isValid(plan.persona().myNumber())).isTrue();
        }
    }

    @Test
    void namesAreAtMostTwoHundredCharactersUnlessTheJourneyIsAboutThat() {
        for (SessionPlan plan : plans) {
            String name = plan.persona().name();
            int length = name.codePointCount(0, name.length());
            if (plan.journey() == Journey.NAME_TOO_LONG) {
                assertThat(length).isBetween(201, 260);
            } else {
                assertThat(name.length()).as("UTF-16 length of %s", name).isLessThanOrEqualTo(195);
                assertThat(plan.persona().address().length()).isLessThanOrEqualTo(500);
            }
        }
    }

    @Test
    void unicodeProfilesBringEmojiRareKanjiAndLongText() {
        List<Persona> unusual = plans.stream().filter(p -> p.journey() == Journey.UNICODE_PROFILE).map(SessionPlan::persona).toList();
        assertThat(unusual).isNotEmpty();
        assertThat(unusual).allSatisfy(p -> assertThat(
                !p.name().chars().allMatch(c -> c < 0x80) && (p.japanese() || !p.name().matches("[A-Za-z' .-]+"))
                        || p.address().length() > 80 || p.name().length() > 100).isTrue());
        PersonaGenerator generator = new PersonaGenerator(new java.util.Random(1));
        List<Persona> many = java.util.stream.IntStream.range(0, 400)
                .mapToObj(i -> generator.withUnusualText(generator.japanese(i, TODAY))).toList();
        assertThat(many).anySatisfy(p -> assertThat(p.name().codePoints().anyMatch(Character::isSupplementaryCodePoint)).isTrue());
        assertThat(many).anySatisfy(p -> assertThat(p.name()).contains("🌸"));
        assertThat(many).anySatisfy(p -> assertThat(p.name().length()).isGreaterThan(150));
        assertThat(many).anySatisfy(p -> assertThat(p.address().length()).isGreaterThan(80));
        assertThat(many).allSatisfy(p -> assertThat(p.nameKana()).matches(KATAKANA));
    }

    @Test
    void sessionsComeFromDocumentationAddressesWithCurrentBrowsers() {
        Pattern testNet = Pattern.compile("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.[0-9]{1,3}|2001:db8:[0-9a-f:]+");
        for (SessionPlan plan : plans) {
            assertThat(plan.persona().clientIp()).matches(testNet);
            assertThat(plan.persona().userAgent()).startsWith("Mozilla/5.0 (").doesNotContain("{");
        }
        assertThat(plans).extracting(p -> p.persona().clientIp()).anyMatch(ip -> ip.contains(":"));
        assertThat(plans).extracting(p -> p.persona().userAgent()).anyMatch(ua -> ua.contains("iPhone"))
                .anyMatch(ua -> ua.contains("Android")).anyMatch(ua -> ua.contains("Windows NT 10.0"));
    }

    @Test
    void cardholderNamesAreEmbossedCapitals() {
        for (SessionPlan plan : plans) {
            assertThat(plan.persona().cardholderName()).matches("[A-Z' -]{1,26}");
        }
        assertThat(PersonaGenerator.embossed("Zoë Ångström-Núñez")).isEqualTo("ZOE ANGSTROM-NUNEZ");
        assertThat(PersonaGenerator.embossed("Bjørn Ødegård")).isEqualTo("BJORN ODEGARD");
    }

    @Test
    void otherCaseEmailDiffersOnlyInCase() {
        assertThat(PersonaGenerator.inOtherCase("shota.sato12@example.co.jp")).isEqualTo("Shota.sato12@Example.co.JP");
        assertThat(PersonaGenerator.inOtherCase("Shota.sato12@example.jp")).isEqualTo("shota.sato12@example.jp");
    }
}
