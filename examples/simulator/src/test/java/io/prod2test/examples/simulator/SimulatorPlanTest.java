package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plans are the simulator's determinism: tested here without any server. */
class SimulatorPlanTest {
    private static final URI SHOP = URI.create("http://localhost:1");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-15T03:00:00Z"), ZoneOffset.UTC);

    private static List<SessionPlan> plans(long seed, int sessions, int concurrency) {
        return simulator(new SimulationConfig(seed, sessions, concurrency, SHOP)).plan();
    }

    private static Simulator simulator(SimulationConfig config) {
        return new Simulator(config, UsageModel.standard(), TODAY);
    }

    @Test
    void theSameSeedGivesIdenticalPlans() {
        List<SessionPlan> first = plans(42, 2_000, 8);
        List<SessionPlan> second = plans(42, 2_000, 8);

        assertThat(first).hasSize(2_000);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(SessionPlan::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 2_000).boxed().toList());
    }

    @Test
    void aDifferentSeedGivesDifferentPlans() {
        List<SessionPlan> first = plans(42, 500, 8);
        List<SessionPlan> other = plans(43, 500, 8);

        int same = 0;
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).equals(other.get(i))) {
                same++;
            }
        }
        assertThat(same).isZero();
        assertThat(other.stream().map(SessionPlan::journey).toList())
                .isNotEqualTo(first.stream().map(SessionPlan::journey).toList());
    }

    @Test
    void plansDoNotDependOnConcurrency() {
        assertThat(plans(7, 1_000, 1)).isEqualTo(plans(7, 1_000, 64));
    }

    @Test
    void aSessionsPlanDoesNotDependOnHowManySessionsTheRunHasWithTheSamePreWindowCustomers() {
        SimulationConfig small = new SimulationConfig(7, 300, 8, SHOP).withPreWindowCustomers(20);

        assertThat(simulator(small.withSessions(2_000).withPreWindowCustomers(20)).plan().subList(0, 300))
                .isEqualTo(simulator(small).plan());
        assertThat(simulator(small.withSessions(2_000).withPreWindowCustomers(20)).preWindowPlan())
                .isEqualTo(simulator(small).preWindowPlan());
    }

    @Test
    void preWindowCustomersAreTheSameForTheSameSeedAndOthersForAnother() {
        List<PreWindowCustomer> first = simulator(new SimulationConfig(42, 2_000, 8, SHOP)).preWindowPlan();

        assertThat(first).hasSize(50).extracting(PreWindowCustomer::index)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        assertThat(simulator(new SimulationConfig(42, 2_000, 1, SHOP)).preWindowPlan()).isEqualTo(first);
        assertThat(simulator(new SimulationConfig(43, 2_000, 8, SHOP)).preWindowPlan())
                .extracting(c -> c.persona().email()).doesNotContainAnyElementsOf(first.stream().map(c -> c.persona().email()).toList());
    }

    @Test
    void preWindowCustomersAreRealisticPeopleSomeWithVerifiedIdentity() {
        List<PreWindowCustomer> customers = simulator(new SimulationConfig(5, 20_000, 8, SHOP)).preWindowPlan();

        assertThat(customers).hasSize(500);
        assertThat(customers).filteredOn(PreWindowCustomer::kycVerified).hasSizeBetween(150, 250)
                .allSatisfy(c -> assertThat(c.kycNumber()).isEqualTo(c.persona().myNumber())
                        .satisfies(n -> assertThat(MyNumbers.isValid(n)).isTrue()));
        assertThat(customers).filteredOn(c -> c.persona().japanese()).hasSizeBetween(300, 400).allSatisfy(c -> {
            assertThat(c.persona().name()).matches("\\p{IsHan}+[ \u3000][\\p{IsHan}\\p{IsHiragana}]+");
            assertThat(c.persona().nameKana()).matches("[\\p{IsKatakana}ー]+[ \u3000][\\p{IsKatakana}ー]+");
            assertThat(c.persona().phone()).matches("0[789]0-\\d{4}-\\d{4}");
            assertThat(c.persona().postalCode()).matches("\\d{3}-\\d{4}");
        });
        assertThat(customers).allSatisfy(c -> {
            assertThat(c.persona().address()).isNotBlank();
            assertThat(c.persona().dateOfBirth()).isBefore(java.time.LocalDate.of(2005, 6, 15));
        });
    }

    @Test
    void preWindowCustomersSignUpWithEMailsNoSessionOfTheRunUses() {
        Simulator simulator = simulator(new SimulationConfig(11, 20_000, 8, SHOP).withPreWindowCustomers(2_000));
        Set<String> sessions = new HashSet<>();
        simulator.plan().stream().filter(p -> p.journey() != Journey.REGULAR_CUSTOMER)
                .forEach(p -> sessions.add(p.persona().email().toLowerCase(java.util.Locale.ROOT)));

        assertThat(simulator.preWindowPlan()).extracting(c -> c.persona().email().toLowerCase(java.util.Locale.ROOT))
                .doesNotHaveDuplicates().doesNotContainAnyElementsOf(sessions);
    }

    @Test
    void regularCustomersComeBackAsOneOfThePreWindowCustomersSomeMoreThanOnce() {
        Simulator simulator = simulator(new SimulationConfig(3, 2_000, 8, SHOP));
        List<PreWindowCustomer> before = simulator.preWindowPlan();
        List<SessionPlan> regulars = simulator.plan().stream().filter(p -> p.journey() == Journey.REGULAR_CUSTOMER).toList();

        assertThat(regulars).hasSizeBetween(60, 140).allSatisfy(p -> {
            PreWindowCustomer customer = before.get(p.preWindowCustomer());
            // the same person, typing the same details, in the browser of the day
            assertThat(p.persona().withBrowser(customer.persona().clientIp(), customer.persona().userAgent()))
                    .isEqualTo(customer.persona());
            assertThat(p.card().holderName()).isEqualTo(customer.persona().cardholderName());
        });
        Map<Integer, Long> visits = regulars.stream()
                .collect(java.util.stream.Collectors.groupingBy(SessionPlan::preWindowCustomer, java.util.stream.Collectors.counting()));
        assertThat(visits.values()).anySatisfy(n -> assertThat(n).isGreaterThan(1));
        assertThat(visits).hasSizeGreaterThan(20);
    }

    @Test
    void aModelWithRegularCustomersNeedsPreWindowCustomers() {
        SimulationConfig none = new SimulationConfig(1, 10, 1, SHOP).withPreWindowCustomers(0);

        assertThatThrownBy(() -> simulator(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REGULAR_CUSTOMER sessions needs customers who signed up before the window");
    }

    @Test
    void journeyFrequenciesFollowTheModel() {
        int sessions = 20_000;
        Map<Journey, Integer> counts = new EnumMap<>(Journey.class);
        plans(2025, sessions, 8).forEach(p -> counts.merge(p.journey(), 1, Integer::sum));

        UsageModel model = UsageModel.standard();
        for (Journey journey : Journey.values()) {
            double expected = sessions * model.share(journey);
            // five standard deviations of a binomial count: fails by chance far less than once in a million
            double tolerance = 5 * Math.sqrt(expected * (1 - model.share(journey)));
            assertThat((double) counts.getOrDefault(journey, 0)).as(journey.name())
                    .isBetween(expected - tolerance, expected + tolerance);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2025})
    void everyJourneyAppearsInADefaultSizeRun(long seed) {
        Set<Journey> seen = new HashSet<>();
        plans(seed, SimulationConfig.DEFAULT_SESSIONS, 8).forEach(p -> seen.add(p.journey()));

        assertThat(seen).containsExactlyInAnyOrder(Journey.values());
    }

    @Test
    void everySessionThatSignsUpDoesSoWithItsOwnEmail() {
        List<SessionPlan> plans = plans(11, 20_000, 8).stream().filter(p -> p.journey() != Journey.REGULAR_CUSTOMER).toList();
        Set<String> emails = new HashSet<>();
        for (SessionPlan plan : plans) {
            String stored = plan.persona().email().strip().toLowerCase(java.util.Locale.ROOT);
            assertThat(emails.add(stored)).as("e-mail of session %d: %s", plan.index(), stored).isTrue();
        }
    }

    @Test
    void plansCarryWhatTheirJourneyNeeds() {
        for (SessionPlan plan : plans(5, 4_000, 8)) {
            Journey journey = plan.journey();
            switch (journey) {
                case BROWSE_ONLY -> assertThat(plan.productViews()).isNotEmpty();
                case RETURNING_BUYER -> {
                    assertThat(plan.purchases()).hasSizeBetween(3, 5);
                    assertThat(plan.pageLimit()).isBetween(1, 2);
                    assertThat(plan.purchases()).extracting(SessionPlan.Purchase::idempotencyKey).doesNotHaveDuplicates();
                }
                case THREE_DS_PASSED -> {
                    assertThat(plan.purchase().minimumTotal()).isEqualByComparingTo("30000");
                    assertThat(plan.otp()).isEqualTo("123456");
                }
                case THREE_DS_FAILED -> assertThat(plan.otp()).isNotEqualTo("123456");
                case USD_PURCHASE -> assertThat(plan.purchase().currency()).isEqualTo("USD");
                case DECLINED_CARD -> assertThat(plan.card().testCard().declineCode()).isNotNull();
                case EXPIRED_CARD -> assertThat(java.time.YearMonth.of(plan.card().expYear(), plan.card().expMonth()))
                        .isBefore(java.time.YearMonth.of(2025, 5));
                case GIFT_CARD_EDGE_AMOUNTS -> assertThat(plan.purchase().giftCardAmount())
                        .isIn(SessionPlanner.GIFT_CARD_EDGE_AMOUNTS);
                case KYC_VERIFIED -> assertThat(MyNumbers.isValid(plan.kycNumber())).isTrue();
                case KYC_INVALID_MY_NUMBER -> assertThat(plan.kycNumber()).matches("[0-9]{12}")
                        .satisfies(n -> assertThat(MyNumbers.isValid(n)).isFalse());
                case DUPLICATE_SIGNUP -> {
                    assertThat(plan.secondEmail()).isNotEqualTo(plan.persona().email());
                    assertThat(plan.secondEmail()).isEqualToIgnoringCase(plan.persona().email());
                }
                case DELETE_SAVED_CARD -> assertThat(plan.secondCard().number()).isNotEqualTo(plan.card().number());
                case PARTIAL_SHIPMENT, PARTIAL_REFUND, REFUND_ABOVE_CAPTURED -> assertThat(plan.partPercent()).isBetween(20, 80);
                case REGULAR_CUSTOMER -> {
                    // one of the 100 pre-window customers of a 4,000-session run; one purchase in JPY, with a new card
                    assertThat(plan.preWindowCustomer()).isBetween(0, 99);
                    assertThat(plan.purchases()).hasSize(1);
                    assertThat(plan.purchase().currency()).isEqualTo("JPY");
                    assertThat(plan.secondEmail()).isNull();
                    assertThat(plan.kycNumber()).isNull();
                }
                default -> {
                    // the persona-level edge cases are checked in PersonaTest
                }
            }
            if (journey != Journey.REGULAR_CUSTOMER) {
                assertThat(plan.preWindowCustomer()).as("%s signs up or only browses", journey).isEqualTo(-1);
            }
            if (!journey.name().contains("SIGNUP") && journey != Journey.BROWSE_ONLY && journey != Journey.INVALID_EMAIL
                    && journey != Journey.NAME_TOO_LONG && !journey.name().startsWith("KYC") && journey != Journey.ABANDONED_CART) {
                assertThat(plan.card()).as("%s needs a card", journey).isNotNull();
            }
        }
    }

    @Test
    void idempotencyKeysAreVersionFourUuidsUniqueInTheRun() {
        Set<String> keys = new HashSet<>();
        for (SessionPlan plan : plans(9, 5_000, 8)) {
            for (SessionPlan.Purchase purchase : plan.purchases()) {
                assertThat(java.util.UUID.fromString(purchase.idempotencyKey()).version()).isEqualTo(4);
                assertThat(keys.add(purchase.idempotencyKey())).isTrue();
            }
        }
    }
}
