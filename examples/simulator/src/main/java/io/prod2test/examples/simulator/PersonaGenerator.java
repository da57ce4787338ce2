package io.prod2test.examples.simulator;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Makes up {@link Persona}s: Japanese ones from the simulator's own tables (kanji names with their
 * katakana readings, real place names, mobile numbers), English ones with Datafaker's US locale.
 * Everything is synthetic: e-mail domains are the reserved example domains (RFC 2606 and their
 * {@code .jp} counterparts), US phone numbers are in the 555-01xx range kept for fiction, My
 * Numbers are random digits with a valid check digit, client addresses are documentation ranges.
 *
 * <p>Every draw comes from the {@link Random} given at construction, which the caller reseeds per
 * session, so a persona depends only on that seed. Not thread-safe, like that {@code Random}.
 */
final class PersonaGenerator {
    /** Tags appended to e-mail local parts are below this, so they are unique per session up to a million sessions. */
    static final int EMAIL_TAG_SPACE = 1_000_000;

    private static final List<String> JA_DOMAINS = List.of("example.jp", "example.co.jp", "example.ne.jp", "example.com");
    private static final List<String> EN_DOMAINS = List.of("example.com", "example.com", "example.org", "example.net");
    private static final List<String> US_AREA_CODES = List.of("212", "415", "312", "617", "206", "512", "303", "404", "305", "213", "718", "646");
    private static final List<String> EMOJI = List.of("🌸", "✨", "🍣", "🐱", "😊", "⭐", "🎉", "🗻");
    private static final List<String> DIACRITIC_NAMES = List.of(
            "Zoë Ångström-Núñez", "François Lefèvre", "Bjørn Ødegård", "Łukasz Wróblewski",
            "Siobhán Ó Súilleabháin", "José María García-Peña", "Chloë Brontë-Müller", "Dvořák Jiří");
    private static final List<String> LONG_LATIN_PARTS = List.of(
            "María", "de", "los", "Ángeles", "Fernández", "de", "Córdoba", "y", "Gutiérrez", "Santisteban",
            "Montenegro", "Villalobos", "Álvarez", "de", "Toledo", "Echeverría", "Zúñiga", "Ramírez");
    private static final List<String> LONG_KATAKANA_PARTS = List.of(
            "マリア", "デ", "ロス", "アンヘレス", "フェルナンデス", "デ", "コルドバ", "イ", "グティエレス",
            "サンティステバン", "モンテネグロ", "ビジャロボス", "アルバレス", "エチェベリア", "スニガ");

    private final Random random;
    private final Faker english;

    PersonaGenerator(Random random) {
        this.random = random;
        this.english = new Faker(Locale.US, random);
    }

    /** A Japanese persona: name family-first with a katakana reading, Japanese mobile and address. */
    Persona japanese(int emailTag, LocalDate today) {
        JapaneseNames.Name family = JapaneseNames.pick(JapaneseNames.FAMILY, random);
        JapaneseNames.Name given = JapaneseNames.pick(JapaneseNames.GIVEN, random);
        // most forms get a half-width space, some a full-width one (what a Japanese IME types)
        String separator = random.nextInt(4) == 0 ? "\u3000" : " ";
        String name = family.kanji() + separator + given.kanji();
        String kana = family.kana() + separator + given.kana();
        String email = email(given.romaji(), family.romaji(), emailTag, JA_DOMAINS);
        JapaneseAddresses.Address address = JapaneseAddresses.pick(random);
        return new Persona("ja", name, kana, email, japaneseMobile(), address.postalCode(), address.line(),
                adultBirthDate(today), MyNumbers.generate(random), embossed(given.romaji() + " " + family.romaji()),
                Browsers.clientIp(random), Browsers.userAgent(random));
    }

    /** An English (US) persona from Datafaker. */
    Persona english(int emailTag, LocalDate today) {
        String first = english.name().firstName();
        String last = english.name().lastName();
        String email = email(ascii(first), ascii(last), emailTag, EN_DOMAINS);
        // the shop wants a phone to start with a digit or +, so "(212) 555-0147" is typed without the brackets
        String phone = (random.nextInt(3) == 0 ? "+1 " : "") + pick(US_AREA_CODES) + "-555-01" + String.format("%02d", random.nextInt(100));
        String state = english.address().stateAbbr();
        String street = english.address().streetAddress();
        if (random.nextInt(3) == 0) {
            street += ", " + english.address().secondaryAddress();
        }
        String address = street + ", " + english.address().city() + ", " + state;
        String zip = english.address().zipCodeByState(state);
        return new Persona("en", first + " " + last, null, email, phone, zip, address,
                adultBirthDate(today), MyNumbers.generate(random), embossed(first + " " + last),
                Browsers.clientIp(random), Browsers.userAgent(random));
    }

    /**
     * The persona with one of the inputs that break naive code: rare kanji (one outside the Basic
     * Multilingual Plane), an emoji in the name, a very long but valid name (up to 190 UTF-16 units,
     * so under 200 however the shop counts), or a very long address.
     */
    Persona withUnusualText(Persona persona) {
        return switch (random.nextInt(4)) {
            case 0 -> persona.japanese() ? rareKanji(persona) : persona.withName(pick(DIACRITIC_NAMES), null);
            case 1 -> {
                String emoji = pick(EMOJI);
                yield persona.withName(persona.name() + " " + emoji, persona.nameKana());
            }
            case 2 -> {
                String longName = longName(persona.japanese(), 150, 190);
                yield persona.withName(longName, persona.japanese() ? longName : null);
            }
            default -> persona.withAddress(persona.japanese()
                    ? JapaneseAddresses.pickVeryLong(random).line()
                    : persona.address() + ", Building C, Suite 1200, Attention: Receiving Department, Loading Dock 4 (use the rear entrance after 6 pm)");
        };
    }

    /** A name over 200 characters (201 to 260, all in the Basic Multilingual Plane): the shop must answer 422. */
    String tooLongName(boolean japanese) {
        return longName(japanese, 201, 260);
    }

    /** A date of birth 13 to 17 years ago: the shop must refuse the sign-up (422). */
    LocalDate minorBirthDate(LocalDate today) {
        // at most 17 years and 300 days: clear of the 18th birthday whatever the time zones
        return today.minusYears(13 + random.nextInt(5)).minusDays(random.nextInt(300));
    }

    /** The e-mail mistyped in one of the ways people do: no @, two @, a space, no domain, a comma for the dot. */
    String malformedEmail(String email) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        return switch (random.nextInt(5)) {
            case 0 -> local + domain;
            case 1 -> local + "@@" + domain;
            case 2 -> local.replaceFirst("[._]", " ") + (local.matches(".*[._].*") ? "" : " x") + "@" + domain;
            case 3 -> local + "@";
            default -> local + "@" + domain.replace('.', ',');
        };
    }

    /** The same address in another letter case, as a returning user retypes it. */
    static String inOtherCase(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        if (!lower.equals(email)) {
            return lower;
        }
        int at = lower.indexOf('@');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1, at + 1)
                + Character.toUpperCase(lower.charAt(at + 1)) + lower.substring(at + 2, lower.lastIndexOf('.') + 1)
                + lower.substring(lower.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    }

    /** The name embossed on a card: Latin capitals without accents, at most 26 characters. */
    static String embossed(String name) {
        String folded = fold(name).toUpperCase(Locale.ROOT).replaceAll("[^A-Z' -]", "").replaceAll(" +", " ").trim();
        if (folded.length() > 26) {
            folded = folded.substring(0, 26).trim(); // embossing has room for about 26 characters
        }
        return folded.isEmpty() ? "CARDHOLDER" : folded;
    }

    private Persona rareKanji(Persona persona) {
        JapaneseNames.Name family = JapaneseNames.pick(JapaneseNames.RARE_FAMILY, random);
        String given = persona.name().split("[ \u3000]", 2)[1];
        String givenKana = persona.nameKana().split("[ \u3000]", 2)[1];
        return persona.withName(family.kanji() + " " + given, family.kana() + " " + givenKana);
    }

    private String longName(boolean japanese, int min, int max) {
        List<String> parts = japanese ? LONG_KATAKANA_PARTS : LONG_LATIN_PARTS;
        String separator = japanese ? "・" : " ";
        String last = pick(parts);
        StringBuilder name = new StringBuilder(last);
        while (name.length() < min) {
            String next = pick(parts);
            if (next.equals(last) || name.length() + separator.length() + next.length() > max) {
                continue; // no part twice in a row; a shorter part will fit
            }
            name.append(separator).append(next);
            last = next;
        }
        return name.toString();
    }

    private String email(String given, String family, int tag, List<String> domains) {
        String local = switch (random.nextInt(5)) {
            case 0 -> given + "." + family;
            case 1 -> family + "." + given;
            case 2 -> given + "_" + family;
            case 3 -> given.charAt(0) + family;
            default -> family + given.charAt(0);
        };
        if (random.nextInt(10) == 0) {
            // some people type their address with capitals; the shop stores it lower-cased
            local = Character.toUpperCase(local.charAt(0)) + local.substring(1);
        }
        // the tag makes the address unique in the run; a name part ends in a letter, so name + tag never collide
        return local + tag + "@" + pick(domains);
    }

    private String japaneseMobile() {
        int kind = random.nextInt(20);
        String prefix = kind < 10 ? "090" : kind < 17 ? "080" : "070";
        return prefix + "-" + String.format("%04d", random.nextInt(10_000)) + "-" + String.format("%04d", random.nextInt(10_000));
    }

    private LocalDate adultBirthDate(LocalDate today) {
        // 20 to 78 years old: adults with a margin around the 18th birthday
        return today.minusYears(20 + random.nextInt(59)).minusDays(random.nextInt(365));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Lower-case ASCII letters only, for e-mail local parts: accents removed, apostrophes and spaces dropped. */
    static String ascii(String text) {
        String letters = fold(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.isEmpty() ? "user" : letters;
    }

    /** The text with accents removed and the letters that do not decompose (ø, ł) replaced by their base letter. */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L");
    }
}
