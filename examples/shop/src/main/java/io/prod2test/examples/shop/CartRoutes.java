package io.prod2test.examples.shop;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prod2test.examples.support.ExchangeLog;
import io.prod2test.examples.support.FaultSwitches;
import java.math.BigDecimal;
import java.time.Clock;

/** Carts, their lines and checkout. */
final class CartRoutes {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Finest gift card amount kept: the database column holds six decimals of a minor unit. */
    static final int MAX_MINOR_DECIMALS = 6;
    static final BigDecimal MAX_MINOR = new BigDecimal("1e17");

    private final CustomerStore customers;
    private final ProductStore products;
    private final CartStore carts;
    private final Orders orders;
    private final FaultSwitches faults;
    private final Clock clock;

    CartRoutes(CustomerStore customers, ProductStore products, CartStore carts, Orders orders, FaultSwitches faults, Clock clock) {
        this.customers = customers;
        this.products = products;
        this.carts = carts;
        this.orders = orders;
        this.faults = faults;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.post("/carts", this::create);
        app.get("/carts/{id}", this::get);
        app.post("/carts/{id}/items", this::addItem);
        app.post("/carts/{id}/checkout", this::checkout);
    }

    private void create(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        String customerId = body.text("customerId", "invalid_customer");
        Customer customer = customerId == null ? null : customers.find(customerId).orElse(null);
        if (customer == null) {
            throw ApiException.invalid("invalid_customer", "customerId", "customerId must name an existing customer");
        }
        ctx.attribute(ExchangeLog.USER_ID, customer.id());
        ShopCurrency currency = ShopCurrency.parse(body.text("currency", "unsupported_currency"), "currency");
        Cart cart = carts.create(customer, currency, Database.now(clock));
        Json.answer(ctx, 201, cart.view(faults));
    }

    private void get(Context ctx) {
        Json.answer(ctx, 200, cart(ctx).view(faults));
    }

    private void addItem(Context ctx) {
        Cart cart = cart(ctx);
        JsonBody body = JsonBody.of(ctx);
        String sku = body.text("sku", "unknown_sku");
        Product product = sku == null ? null : products.find(sku).orElse(null);
        if (product == null) {
            throw ApiException.invalid("unknown_sku", "sku", "sku must be a product of GET /products");
        }
        Integer quantity = body.integer("quantity", "invalid_quantity");
        if (quantity == null || quantity < 1 || quantity > CartStore.MAX_QUANTITY) {
            throw ApiException.invalid("invalid_quantity", "quantity", "quantity must be a whole number from 1 to " + CartStore.MAX_QUANTITY);
        }
        BigDecimal unitPrice;
        if (product.giftCard()) {
            if (quantity != 1) {
                throw ApiException.invalid("invalid_quantity", "quantity", "a gift card line has quantity 1; add another line for another card");
            }
            unitPrice = giftCardAmount(cart.currency(), body.decimal("amount", "invalid_amount"));
        } else {
            if (body.has("amount")) {
                throw ApiException.invalid("invalid_amount", "amount", "amount is only for " + Product.GIFT_CARD + "; products have a price");
            }
            unitPrice = product.priceMinor(cart.currency());
        }
        Json.answer(ctx, 200, carts.addLine(cart.id(), product, quantity, unitPrice).view(faults));
    }

    /**
     * The gift card amount in minor units, as given: whether 0, a fraction of a yen or an amount
     * over the limit may be charged is payments' rule, so the shop only refuses what it cannot store.
     */
    static BigDecimal giftCardAmount(ShopCurrency currency, BigDecimal amount) {
        if (amount == null) {
            throw ApiException.invalid("invalid_amount", "amount", "a gift card needs an amount in major units, e.g. 5000 or 50.00");
        }
        BigDecimal minor = currency.toMinor(amount).stripTrailingZeros();
        if (minor.signum() < 0 || minor.scale() > MAX_MINOR_DECIMALS || minor.compareTo(MAX_MINOR) >= 0) {
            throw ApiException.invalid("invalid_amount", "amount",
                    "a gift card amount must be zero or more, below " + currency.toMajor(MAX_MINOR).toPlainString()
                            + " and have at most " + (currency.decimals() + MAX_MINOR_DECIMALS) + " decimals");
        }
        return minor.scale() < 0 ? minor.setScale(0) : minor;
    }

    private void checkout(Context ctx) {
        Cart cart = cart(ctx);
        String cardId = JsonBody.of(ctx).text("cardId", "invalid_card");
        Orders.Outcome outcome = orders.checkout(ExchangeLog.trace(ctx), cart.id(), cardId, ctx.header(IDEMPOTENCY_KEY));
        Json.answer(ctx, outcome.created() ? 201 : 200, outcome.order().view());
    }

    /** The path's cart (404 when unknown); its owner is the exchange's user. */
    private Cart cart(Context ctx) {
        String id = ctx.pathParam("id");
        Cart cart = carts.find(id).orElseThrow(() -> ApiException.notFound("cart", id));
        ctx.attribute(ExchangeLog.USER_ID, cart.customerId());
        return cart;
    }
}
