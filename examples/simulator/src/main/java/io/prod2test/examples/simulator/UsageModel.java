package io.prod2test.examples.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often each {@link Journey} happens: the shop's traffic mix. Weights are in basis points
 * (1/100 of a percent) and sum to 10,000, so they read as percentages.
 *
 * <p>The {@linkplain #standard() standard model} is shaped like a small web shop's traffic: most
 * visitors browse or buy without trouble, and every edge case is rare but present. The rarest
 * journeys are kept at 0.5% so that each one still shows up about ten times in a default run of
 * 2,000 sessions (the chance that one is missing is below 1 in 20,000).
 *
 * <table>
 *   <caption>The standard usage model</caption>
 *   <tr><th>journey</th><th>share</th></tr>
 *   <tr><td>{@link Journey#BROWSE_ONLY}</td><td>26.0%</td></tr>
 *   <tr><td>{@link Journey#FIRST_PURCHASE}</td><td>26.0%</td></tr>
 *   <tr><td>{@link Journey#RETURNING_BUYER}</td><td>7.8%</td></tr>
 *   <tr><td>{@link Journey#ABANDONED_CART}</td><td>6.0%</td></tr>
 *   <tr><td>{@link Journey#THREE_DS_PASSED}</td><td>4.5%</td></tr>
 *   <tr><td>{@link Journey#USD_PURCHASE}</td><td>4.5%</td></tr>
 *   <tr><td>{@link Journey#KYC_VERIFIED}</td><td>3.0%</td></tr>
 *   <tr><td>{@link Journey#PARTIAL_SHIPMENT}</td><td>2.5%</td></tr>
 *   <tr><td>{@link Journey#PARTIAL_REFUND}</td><td>2.5%</td></tr>
 *   <tr><td>{@link Journey#DELETE_SAVED_CARD}</td><td>1.0%</td></tr>
 *   <tr><td>{@link Journey#REGULAR_CUSTOMER}</td><td>5.0%</td></tr>
 *   <tr><td>{@link Journey#DECLINED_CARD}</td><td>2.0%</td></tr>
 *   <tr><td>{@link Journey#THREE_DS_FAILED}</td><td>1.2%</td></tr>
 *   <tr><td>{@link Journey#DOUBLE_SUBMIT}</td><td>1.2%</td></tr>
 *   <tr><td>{@link Journey#UNICODE_PROFILE}</td><td>1.2%</td></tr>
 *   <tr><td>{@link Journey#GIFT_CARD_EDGE_AMOUNTS}</td><td>1.0%</td></tr>
 *   <tr><td>{@link Journey#DUPLICATE_SIGNUP}</td><td>0.8%</td></tr>
 *   <tr><td>{@link Journey#CONCURRENT_SHIPMENTS}</td><td>0.6%</td></tr>
 *   <tr><td>{@link Journey#EXPIRED_CARD}</td><td>0.6%</td></tr>
 *   <tr><td>{@link Journey#REFUND_ABOVE_CAPTURED}</td><td>0.6%</td></tr>
 *   <tr><td>{@link Journey#KYC_INVALID_MY_NUMBER}</td><td>0.5%</td></tr>
 *   <tr><td>{@link Journey#NAME_TOO_LONG}</td><td>0.5%</td></tr>
 *   <tr><td>{@link Journey#INVALID_EMAIL}</td><td>0.5%</td></tr>
 *   <tr><td>{@link Journey#UNDERAGE_SIGNUP}</td><td>0.5%</td></tr>
 * </table>
 *
 * <p>Happy paths (the first eleven rows) make up 88.8% of the sessions, edge cases 11.2%. Only
 * {@link Journey#REGULAR_CUSTOMER} uses a customer who signed up before the capture window; every
 * other journey that needs a customer signs one up in the session.
 */
public final class UsageModel {
    /** The sum of all weights: 100.00%. */
    public static final int TOTAL_WEIGHT = 10_000;

    private static final UsageModel STANDARD = new UsageModel(standardWeights());

    private final Map<Journey, Integer> weights;
    // cumulative[i] = sum of the weights of the journeys 0..i, in enum order; picking walks it
    private final Journey[] journeys;
    private final int[] cumulative;

    /**
     * A model with its own weights.
     *
     * @param weights basis points per journey; every journey present, none negative, summing to
     *                {@value #TOTAL_WEIGHT}
     */
    public UsageModel(Map<Journey, Integer> weights) {
        Objects.requireNonNull(weights, "weights must not be null");
        EnumMap<Journey, Integer> copy = new EnumMap<>(Journey.class);
        int sum = 0;
        for (Journey journey : Journey.values()) {
            Integer weight = weights.get(journey);
            if (weight == null) {
                throw new IllegalArgumentException("weights must name every journey, " + journey + " is missing");
            }
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative, " + journey + " has " + weight);
            }
            copy.put(journey, weight);
            sum += weight;
        }
        if (sum != TOTAL_WEIGHT) {
            throw new IllegalArgumentException("weights must sum to " + TOTAL_WEIGHT + " basis points (100%), sum to " + sum);
        }
        this.weights = Collections.unmodifiableMap(copy);
        this.journeys = Journey.values();
        this.cumulative = new int[journeys.length];
        int running = 0;
        for (int i = 0; i < journeys.length; i++) {
            running += copy.get(journeys[i]);
            cumulative[i] = running;
        }
    }

    /** The standard traffic mix of the sample shop (the table above). */
    public static UsageModel standard() {
        return STANDARD;
    }

    /** Basis points per journey, in {@link Journey} order. */
    public Map<Journey, Integer> weights() {
        return weights;
    }

    /** The share of a journey as a fraction between 0 and 1. */
    public double share(Journey journey) {
        return weights.get(journey) / (double) TOTAL_WEIGHT;
    }

    /** Draws one journey with the model's frequencies; consumes exactly one {@code nextInt} of {@code random}. */
    public Journey pick(RandomGenerator random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (int i = 0; i < journeys.length; i++) {
            if (ticket < cumulative[i]) {
                return journeys[i];
            }
        }
        throw new IllegalStateException("unreachable: the weights sum to " + TOTAL_WEIGHT);
    }

    private static Map<Journey, Integer> standardWeights() {
        EnumMap<Journey, Integer> w = new EnumMap<>(Journey.class);
        w.put(Journey.BROWSE_ONLY, 2_600);
        w.put(Journey.FIRST_PURCHASE, 2_600);
        w.put(Journey.RETURNING_BUYER, 780);
        w.put(Journey.ABANDONED_CART, 600);
        w.put(Journey.THREE_DS_PASSED, 450);
        w.put(Journey.USD_PURCHASE, 450);
        w.put(Journey.KYC_VERIFIED, 300);
        w.put(Journey.PARTIAL_SHIPMENT, 250);
        w.put(Journey.PARTIAL_REFUND, 250);
        w.put(Journey.DELETE_SAVED_CARD, 100);
        w.put(Journey.REGULAR_CUSTOMER, 500);
        w.put(Journey.DECLINED_CARD, 200);
        w.put(Journey.THREE_DS_FAILED, 120);
        w.put(Journey.DOUBLE_SUBMIT, 120);
        w.put(Journey.UNICODE_PROFILE, 120);
        w.put(Journey.GIFT_CARD_EDGE_AMOUNTS, 100);
        w.put(Journey.DUPLICATE_SIGNUP, 80);
        w.put(Journey.CONCURRENT_SHIPMENTS, 60);
        w.put(Journey.EXPIRED_CARD, 60);
        w.put(Journey.REFUND_ABOVE_CAPTURED, 60);
        w.put(Journey.KYC_INVALID_MY_NUMBER, 50);
        w.put(Journey.NAME_TOO_LONG, 50);
        w.put(Journey.INVALID_EMAIL, 50);
        w.put(Journey.UNDERAGE_SIGNUP, 50);
        return w;
    }
}
