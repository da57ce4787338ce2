package io.prod2test.examples.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The card numbers the simulator pays with: the networks' public test numbers (the ones card
 * processors document for sandboxes), never a real card. Good cards come in a realistic brand mix
 * for the Japanese market (Visa and Mastercard first, JCB strong); the decline and 3-D Secure cards
 * are the ones the sample payments service reacts to (examples/README.md).
 */
public final class TestCards {
    /** Authorising cards of every brand, with the weight of each in the mix (per mille). */
    private static final List<Weighted> GOOD = List.of(
            new Weighted(new TestCard("4242424242424242", "Visa", null, false), 260),
            new Weighted(new TestCard("4000056655665556", "Visa", null, false), 90),
            new Weighted(new TestCard("4012888888881881", "Visa", null, false), 60),
            new Weighted(new TestCard("5555555555554444", "Mastercard", null, false), 120),
            new Weighted(new TestCard("2223003122003222", "Mastercard", null, false), 60),
            new Weighted(new TestCard("5200828282828210", "Mastercard", null, false), 50),
            new Weighted(new TestCard("3566002020360505", "JCB", null, false), 180),
            new Weighted(new TestCard("378282246310005", "American Express", null, false), 50),
            new Weighted(new TestCard("371449635398431", "American Express", null, false), 30),
            new Weighted(new TestCard("3056930009020004", "Diners Club", null, false), 20),
            new Weighted(new TestCard("36227206271667", "Diners Club", null, false), 10),
            new Weighted(new TestCard("6011111111111117", "Discover", null, false), 20),
            new Weighted(new TestCard("6011000990139424", "Discover", null, false), 10),
            new Weighted(new TestCard("6200000000000005", "UnionPay", null, false), 40));
    private static final int GOOD_TOTAL = GOOD.stream().mapToInt(Weighted::weight).sum();

    /** The cards payments always declines, one per decline code. */
    public static final List<TestCard> DECLINING = List.of(
            new TestCard("4000000000000002", "Visa", "do_not_honor", false),
            new TestCard("4000000000009995", "Visa", "insufficient_funds", false),
            new TestCard("4000000000009987", "Visa", "lost_card", false),
            new TestCard("4000000000000127", "Visa", "incorrect_cvc", false),
            new TestCard("4000000000000119", "Visa", "processing_error", false));

    /** The cards payments always challenges with 3-D Secure. */
    public static final List<TestCard> THREE_D_SECURE = List.of(
            new TestCard("4000000000003220", "Visa", null, true),
            new TestCard("4000002760003184", "Visa", null, true));

    private TestCards() {
    }

    /** Every authorising card of the mix. */
    public static List<TestCard> good() {
        return GOOD.stream().map(Weighted::card).toList();
    }

    /** An authorising card drawn with the brand mix. */
    public static TestCard pickGood(RandomGenerator random) {
        int ticket = random.nextInt(GOOD_TOTAL);
        for (Weighted w : GOOD) {
            ticket -= w.weight();
            if (ticket < 0) {
                return w.card();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The Luhn (mod 10) check every card number passes. */
    public static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    private record Weighted(TestCard card, int weight) {
    }
}
