package io.prod2test.examples.simulator;

import io.prod2test.examples.simulator.SessionPlan.Card;
import io.prod2test.examples.simulator.SessionPlan.LineItem;
import io.prod2test.examples.simulator.SessionPlan.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Turns (seed, session index) into a {@link SessionPlan}. Each plan is drawn from one
 * {@link Random} reseeded from the pair, so plan {@code i} is the same whatever was planned
 * before it; reseeding one generator (rather than making a new one, and a new Datafaker, per
 * session) keeps planning 20,000 sessions well under a second. Not thread-safe: the simulator
 * plans all sessions up front, then plays them.
 */
final class SessionPlanner {
    /** The one-time password the sample payments service accepts. */
    static final String CORRECT_OTP = "123456";
    /** The 3-D Secure threshold for JPY: a challenge at or above it. */
    static final BigDecimal JPY_CHALLENGE_THRESHOLD = new BigDecimal("30000");
    /** The gift card amounts at the edges of payments' rules: too small, smallest, exactly the limit, decimals in JPY. */
    static final List<BigDecimal> GIFT_CARD_EDGE_AMOUNTS = List.of(
            new BigDecimal("0"), new BigDecimal("1"), new BigDecimal("1000000"), new BigDecimal("4980.5"));

    private static final List<String> WRONG_OTPS = List.of("123465", "654321", "111111", "000000", "12345", "123457");
    // catalogue positions are drawn from a range far larger than any catalogue, then taken modulo its size
    private static final int CATALOGUE_DRAW = 1_000;

    // keeps the pre-window customers' seeds apart from the sessions' seeds of the same run
    private static final long PRE_WINDOW_SALT = 0x5DEECE66DL;
    // out of a hundred pre-window customers, how many verified their identity
    private static final int KYC_VERIFIED_PERCENT = 40;

    private final long seed;
    private final UsageModel model;
    private final LocalDate today;
    private final int preWindowCustomers;
    private final Random random = new Random(0);
    private final PersonaGenerator personas = new PersonaGenerator(random);
    // a generator of its own, so that a session's plan can draw its pre-window customer mid-way
    private final Random preWindowRandom = new Random(0);
    private final PersonaGenerator preWindowPersonas = new PersonaGenerator(preWindowRandom);

    /**
     * @param preWindowCustomers how many customers signed up before the capture window; a
     *                           {@link Journey#REGULAR_CUSTOMER} session picks one of them, so the
     *                           model may only draw that journey when there is at least one
     */
    SessionPlanner(long seed, UsageModel model, LocalDate today, int preWindowCustomers) {
        if (preWindowCustomers == 0 && model.weights().get(Journey.REGULAR_CUSTOMER) > 0) {
            throw new IllegalArgumentException("a usage model with " + Journey.REGULAR_CUSTOMER
                    + " sessions needs customers who signed up before the window, and the run has none");
        }
        this.seed = seed;
        this.model = model;
        this.today = today;
        this.preWindowCustomers = preWindowCustomers;
    }

    /** The seed of session {@code index}: both inputs mixed so that neighbouring sessions are unrelated. */
    static long sessionSeed(long seed, int index) {
        return mix(seed ^ mix(0x9E3779B97F4A7C15L * (index + 1L)));
    }

    /**
     * The pre-window customer {@code index}: a persona of their own (with an e-mail no session of
     * the run uses), and a verified identity for some.
     */
    PreWindowCustomer preWindowCustomer(int index) {
        preWindowRandom.setSeed(sessionSeed(seed ^ PRE_WINDOW_SALT, index));
        // like the sessions' users: the shop is Japanese, most of its customers are
        Persona persona = preWindowRandom.nextInt(100) < 70
                ? preWindowPersonas.japanese(preWindowEmailTag(index), today)
                : preWindowPersonas.english(preWindowEmailTag(index), today);
        String kycNumber = preWindowRandom.nextInt(100) < KYC_VERIFIED_PERCENT ? persona.myNumber() : null;
        return new PreWindowCustomer(index, persona, kycNumber);
    }

    SessionPlan plan(int index) {
        random.setSeed(sessionSeed(seed, index));
        Journey journey = model.pick(random);
        int customer = -1;
        Persona persona;
        if (journey == Journey.REGULAR_CUSTOMER) {
            customer = random.nextInt(preWindowCustomers);
            // the customer as they signed up, in today's browser
            persona = preWindowCustomer(customer).persona().withBrowser(Browsers.clientIp(random), Browsers.userAgent(random));
        } else {
            persona = persona(journey, emailTag(index));
        }
        Builder plan = new Builder(index, journey, persona);
        plan.preWindowCustomer = customer;
        switch (journey) {
            case BROWSE_ONLY -> plan.views(1 + random.nextInt(4));
            case REGULAR_CUSTOMER -> plan.views(random.nextInt(3)).buy(purchase("JPY", null)).card(goodCard(persona));
            case FIRST_PURCHASE, UNICODE_PROFILE, CONCURRENT_SHIPMENTS, DOUBLE_SUBMIT -> {
                plan.views(random.nextInt(3)).buy(purchase("JPY", null)).card(goodCard(persona));
            }
            case RETURNING_BUYER -> {
                int orders = 3 + random.nextInt(3);
                for (int i = 0; i < orders; i++) {
                    plan.buy(purchase("JPY", null));
                }
                plan.card(goodCard(persona)).pageLimit = 1 + random.nextInt(2);
            }
            case ABANDONED_CART -> plan.views(1 + random.nextInt(3)).buy(purchase(random.nextInt(5) == 0 ? "USD" : "JPY", null));
            case THREE_DS_PASSED -> plan.buy(purchase("JPY", JPY_CHALLENGE_THRESHOLD)).card(goodCard(persona));
            case THREE_DS_FAILED -> {
                plan.buy(purchase("JPY", JPY_CHALLENGE_THRESHOLD)).card(goodCard(persona));
                plan.otp = WRONG_OTPS.get(random.nextInt(WRONG_OTPS.size()));
            }
            case USD_PURCHASE -> plan.views(random.nextInt(3)).buy(purchase("USD", null)).card(goodCard(persona));
            case KYC_VERIFIED -> plan.kycNumber = persona.myNumber();
            case KYC_INVALID_MY_NUMBER -> plan.kycNumber = MyNumbers.withWrongCheckDigit(persona.myNumber(), random);
            case PARTIAL_SHIPMENT, PARTIAL_REFUND, REFUND_ABOVE_CAPTURED -> {
                plan.buy(purchase("JPY", null)).card(goodCard(persona));
                plan.partPercent = 20 + random.nextInt(61);
            }
            case DELETE_SAVED_CARD -> {
                plan.card(goodCard(persona));
                Card second;
                do {
                    second = goodCard(persona);
                } while (second.number().equals(plan.card.number()));
                plan.secondCard = second;
            }
            case DECLINED_CARD, EXPIRED_CARD -> {
                TestCard refused = journey == Journey.DECLINED_CARD
                        ? TestCards.DECLINING.get(random.nextInt(TestCards.DECLINING.size()))
                        : TestCards.pickGood(random);
                plan.buy(purchase("JPY", null)).card(card(refused, persona, journey == Journey.EXPIRED_CARD));
                if (random.nextBoolean()) {
                    plan.secondCard = goodCard(persona); // half the refused buyers try another card
                }
            }
            case GIFT_CARD_EDGE_AMOUNTS -> {
                BigDecimal amount = GIFT_CARD_EDGE_AMOUNTS.get(random.nextInt(GIFT_CARD_EDGE_AMOUNTS.size()));
                plan.buy(new Purchase("JPY", List.of(), amount, null, idempotencyKey())).card(goodCard(persona));
            }
            case DUPLICATE_SIGNUP -> plan.secondEmail = PersonaGenerator.inOtherCase(persona.email());
            case INVALID_EMAIL -> {
                plan.secondEmail = persona.email();
                plan.persona = persona.withEmail(personas.malformedEmail(persona.email()));
            }
            case NAME_TOO_LONG -> {
                String name = personas.tooLongName(persona.japanese());
                plan.persona = persona.withName(name, persona.japanese() ? name : null);
            }
            case UNDERAGE_SIGNUP -> plan.persona = persona.withDateOfBirth(personas.minorBirthDate(today));
        }
        if (journey == Journey.UNICODE_PROFILE) {
            plan.persona = personas.withUnusualText(plan.persona);
        }
        return plan.build();
    }

    private Persona persona(Journey journey, int emailTag) {
        // the shop is Japanese: most users are, USD buyers mostly are not
        int japanesePercent = journey == Journey.USD_PURCHASE ? 20 : 70;
        return random.nextInt(100) < japanesePercent
                ? personas.japanese(emailTag, today)
                : personas.english(emailTag, today);
    }

    /**
     * A number unique to the session in the run (a bijection of the index modulo a million, offset
     * by the seed), appended to e-mail addresses so that two sessions never sign up with the same one.
     */
    private int emailTag(int index) {
        long space = PersonaGenerator.EMAIL_TAG_SPACE;
        // 2654435761 is coprime with 10^6, so index -> index * 2654435761 mod 10^6 is one-to-one
        return (int) Math.floorMod(index * 2_654_435_761L + seed, space);
    }

    /**
     * The e-mail tag of a pre-window customer: the tag of a session index counted down from the
     * top of the tag space, so it is unique as long as sessions and pre-window customers together
     * stay under a million.
     */
    private int preWindowEmailTag(int index) {
        return emailTag(PersonaGenerator.EMAIL_TAG_SPACE - 1 - index);
    }

    private Purchase purchase(String currency, BigDecimal minimumTotal) {
        int lines = weighted(50, 35, 15) + 1;
        List<LineItem> items = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            items.add(new LineItem(random.nextInt(CATALOGUE_DRAW), weighted(70, 20, 10) + 1));
        }
        return new Purchase(currency, items, null, minimumTotal, idempotencyKey());
    }

    private Card goodCard(Persona persona) {
        return card(TestCards.pickGood(random), persona, false);
    }

    private Card card(TestCard testCard, Persona persona, boolean expired) {
        LocalDate expiry = expired
                ? today.minusMonths(2 + random.nextInt(36))   // at least two months past: expired in any time zone
                : today.plusMonths(6 + random.nextInt(66));
        int cvcDigits = testCard.fourDigitCvc() ? 4 : 3;
        String cvc = String.format("%0" + cvcDigits + "d", random.nextInt(cvcDigits == 4 ? 10_000 : 1_000));
        return new Card(testCard, expiry.getMonthValue(), expiry.getYear(), cvc, persona.cardholderName());
    }

    /** A version 4 UUID from the session's random, so keys repeat with the seed. */
    private String idempotencyKey() {
        long most = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** An index drawn with the given percentages. */
    private int weighted(int... percents) {
        int ticket = random.nextInt(100);
        for (int i = 0; i < percents.length; i++) {
            ticket -= percents[i];
            if (ticket < 0) {
                return i;
            }
        }
        return percents.length - 1;
    }

    private static long mix(long z) {
        // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Collects a plan's parts; most journeys set only a few. */
    private final class Builder {
        private final int index;
        private final Journey journey;
        private Persona persona;
        private final List<Integer> views = new ArrayList<>();
        private final List<Purchase> purchases = new ArrayList<>();
        private Card card;
        private Card secondCard;
        private String otp = CORRECT_OTP;
        private int partPercent;
        private int pageLimit;
        private String secondEmail;
        private String kycNumber;
        private int preWindowCustomer = -1;

        Builder(int index, Journey journey, Persona persona) {
            this.index = index;
            this.journey = journey;
            this.persona = persona;
        }

        Builder views(int count) {
            for (int i = 0; i < count; i++) {
                views.add(random.nextInt(CATALOGUE_DRAW));
            }
            return this;
        }

        Builder buy(Purchase purchase) {
            purchases.add(purchase);
            return this;
        }

        Builder card(Card value) {
            card = value;
            return this;
        }

        SessionPlan build() {
            return new SessionPlan(index, journey, persona, views, purchases, card, secondCard, otp,
                    partPercent, pageLimit, secondEmail, kycNumber, preWindowCustomer);
        }
    }
}
