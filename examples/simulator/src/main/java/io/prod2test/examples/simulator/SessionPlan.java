package io.prod2test.examples.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything one user session will do, decided before any request is sent: the journey and its
 * concrete inputs. Plans depend only on the run's seed and the session's index, never on thread
 * timing, so the same seed gives the same plans at any concurrency.
 *
 * <p>Two things are only resolved when the session plays, because they depend on what the shop
 * answers: products are named by their position in the catalogue (sorted by SKU, so the same
 * catalogue gives the same products), and partial amounts are a percentage of the order's amount.
 *
 * @param index        the session's position in the run, from 0
 * @param journey      what the session does
 * @param persona      who the user is and what they type
 * @param productViews catalogue positions of the products opened one by one ({@code GET /products/{sku}})
 * @param purchases    the carts the user fills, in order (the last one is left unpaid in
 *                     {@link Journey#ABANDONED_CART})
 * @param card         the card saved first, or {@code null} when the journey saves none
 * @param secondCard   a second card: {@link Journey#DELETE_SAVED_CARD} saves both and deletes the
 *                     first; after a refused card ({@link Journey#DECLINED_CARD},
 *                     {@link Journey#EXPIRED_CARD}) the user pays the reopened cart with it; {@code null}
 *                     when there is none
 * @param otp          the one-time password the user types when challenged by 3-D Secure
 * @param partPercent  the share shipped or refunded in the partial journeys, 1 to 99 (0 when unused)
 * @param pageLimit    the page size when paging through the orders (0 when unused)
 * @param secondEmail  the e-mail typed at a second sign-up: the same address in another letter
 *                     case ({@link Journey#DUPLICATE_SIGNUP}) or the corrected address
 *                     ({@link Journey#INVALID_EMAIL}), else {@code null}
 * @param kycNumber    the My Number typed for KYC (with a wrong check digit in
 *                     {@link Journey#KYC_INVALID_MY_NUMBER}), or {@code null} when the journey has no KYC
 * @param preWindowCustomer the {@linkplain PreWindowCustomer#index() index} of the customer who signed
 *                     up before the capture window and comes back in {@link Journey#REGULAR_CUSTOMER}
 *                     (then {@code persona} is theirs), or -1 for the journeys that sign up or only browse
 */
public record SessionPlan(
        int index,
        Journey journey,
        Persona persona,
        List<Integer> productViews,
        List<Purchase> purchases,
        Card card,
        Card secondCard,
        String otp,
        int partPercent,
        int pageLimit,
        String secondEmail,
        String kycNumber,
        int preWindowCustomer) {

    public SessionPlan {
        Objects.requireNonNull(journey, "journey must not be null");
        if (preWindowCustomer < -1 || (journey == Journey.REGULAR_CUSTOMER) != (preWindowCustomer >= 0)) {
            throw new IllegalArgumentException("preWindowCustomer must be 0 or more for " + Journey.REGULAR_CUSTOMER
                    + " and -1 for any other journey; " + journey + " has " + preWindowCustomer);
        }
        Objects.requireNonNull(persona, "persona must not be null");
        productViews = List.copyOf(productViews);
        purchases = List.copyOf(purchases);
    }

    /** The only purchase of single-purchase journeys. */
    public Purchase purchase() {
        if (purchases.isEmpty()) {
            throw new IllegalStateException(journey + " has no purchase");
        }
        return purchases.getFirst();
    }

    /**
     * One cart the user fills and (usually) checks out.
     *
     * @param currency        {@code JPY} or {@code USD}
     * @param items           the product lines; empty for a gift-card-only cart
     * @param giftCardAmount  the amount of a gift card line, as typed (so {@code 4980.5} keeps its
     *                        decimal), or {@code null} when there is none
     * @param minimumTotal    when not {@code null}, the quantity of the dearest line is raised until
     *                        the cart totals at least this much (to reach the 3-D Secure threshold)
     * @param idempotencyKey  the {@code Idempotency-Key} of the checkout
     */
    public record Purchase(String currency, List<LineItem> items, BigDecimal giftCardAmount,
                           BigDecimal minimumTotal, String idempotencyKey) {
        public Purchase {
            Objects.requireNonNull(currency, "currency must not be null");
            items = List.copyOf(items);
            Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
        }
    }

    /**
     * A product line.
     *
     * @param catalogueIndex which product: the index, modulo the catalogue's size, into the
     *                       catalogue sorted by SKU
     * @param quantity       how many, at least 1
     */
    public record LineItem(int catalogueIndex, int quantity) {
        public LineItem {
            if (catalogueIndex < 0 || quantity < 1) {
                throw new IllegalArgumentException("catalogueIndex must be 0 or more and quantity 1 or more");
            }
        }
    }

    /**
     * A card as the user types it into the shop.
     *
     * @param testCard   the test card number and what payments does with it
     * @param expMonth   1 to 12
     * @param expYear    four digits
     * @param cvc        3 digits, 4 for American Express
     * @param holderName the embossed name
     */
    public record Card(TestCard testCard, int expMonth, int expYear, String cvc, String holderName) {
        public String number() {
            return testCard.number();
        }
    }
}
