package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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
        return new Simulator(new SimulationConfig(seed, sessions, concurrency, SHOP), UsageModel.standard(), TODAY).plan();
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
    void aSessionsPlanDoesNotDependOnHowManySessionsTheRunHas() {
        assertThat(plans(7, 2_000, 8).subList(0, 300)).isEqualTo(plans(7, 300, 8));
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
    void everySessionSignsUpWithItsOwnEmail() {
        List<SessionPlan> plans = plans(11, 20_000, 8);
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
                default -> {
                    // the persona-level edge cases are checked in PersonaTest
                }
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
