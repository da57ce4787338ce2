package io.prod2test.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsageModelTest {
    private final UsageModel model = UsageModel.standard();

    @Test
    void weightsCoverEveryJourneyAndSumToOneHundredPercent() {
        assertThat(model.weights()).containsOnlyKeys(Journey.values());
        assertThat(model.weights().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
    }

    @Test
    void happyPathsDominateAndEveryEdgeCaseIsRareButPresent() {
        double happy = 0;
        for (Journey journey : Journey.values()) {
            if (journey.edgeCase()) {
                assertThat(model.share(journey)).as(journey.name()).isBetween(0.005, 0.03);
            } else {
                happy += model.share(journey);
            }
        }
        assertThat(happy).isCloseTo(0.888, org.assertj.core.data.Offset.offset(1e-9));
        // buyers, new and regular, outnumber those who only look
        assertThat(model.share(Journey.FIRST_PURCHASE) + model.share(Journey.REGULAR_CUSTOMER))
                .isGreaterThan(model.share(Journey.BROWSE_ONLY));
        assertThat(model.share(Journey.FIRST_PURCHASE)).isGreaterThan(0.25);
    }

    @Test
    void aRegularCustomerFromBeforeTheWindowComesBackInOneSessionOfTwenty() {
        assertThat(Journey.REGULAR_CUSTOMER.edgeCase()).isFalse();
        assertThat(model.share(Journey.REGULAR_CUSTOMER)).isEqualTo(0.05);
    }

    @Test
    void pickConsumesOneDrawAndFollowsTheWeights() {
        Random random = new Random(3);
        Map<Journey, Integer> counts = new EnumMap<>(Journey.class);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(model.pick(random), 1, Integer::sum);
        }
        for (Journey journey : Journey.values()) {
            double p = model.share(journey);
            double sigma = Math.sqrt(draws * p * (1 - p));
            assertThat((double) counts.getOrDefault(journey, 0)).as(journey.name()).isBetween(draws * p - 5 * sigma, draws * p + 5 * sigma);
        }
    }

    @Test
    void rejectsWeightsThatDoNotSumToOneHundredPercent() {
        Map<Journey, Integer> weights = new EnumMap<>(model.weights());
        weights.put(Journey.BROWSE_ONLY, weights.get(Journey.BROWSE_ONLY) + 1);

        assertThatThrownBy(() -> new UsageModel(weights))
                .hasMessage("weights must sum to 10000 basis points (100%), sum to 10001");
    }

    @Test
    void rejectsMissingOrNegativeWeights() {
        Map<Journey, Integer> missing = new EnumMap<>(model.weights());
        missing.remove(Journey.UNDERAGE_SIGNUP);
        Map<Journey, Integer> negative = new EnumMap<>(model.weights());
        negative.put(Journey.UNDERAGE_SIGNUP, -1);

        assertThatThrownBy(() -> new UsageModel(missing)).hasMessage("weights must name every journey, UNDERAGE_SIGNUP is missing");
        assertThatThrownBy(() -> new UsageModel(negative)).hasMessage("weights must not be negative, UNDERAGE_SIGNUP has -1");
    }

    @Test
    void aModelCanLeaveJourneysOut() {
        Map<Journey, Integer> onlyBrowsing = new EnumMap<>(Journey.class);
        for (Journey journey : Journey.values()) {
            onlyBrowsing.put(journey, journey == Journey.BROWSE_ONLY ? 10_000 : 0);
        }
        UsageModel browsing = new UsageModel(onlyBrowsing);
        Random random = new Random(1);

        for (int i = 0; i < 1_000; i++) {
            assertThat(browsing.pick(random)).isEqualTo(Journey.BROWSE_ONLY);
        }
    }
}
