package io.prod2test.examples.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.examples.simulator.SessionPlan.LineItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's catalogue as a session sees it in {@code GET /products}: the priced products sorted by
 * SKU, so that a plan's catalogue positions name the same products in every run against the same
 * catalogue. The gift card, which has no price, is bought separately.
 */
final class Catalogue {
    /** A priced product. */
    record Product(String sku, Map<String, BigDecimal> prices) {
        BigDecimal price(String currency) {
            BigDecimal price = prices.get(currency);
            if (price == null) {
                throw new UnexpectedOutcome("product " + sku + " has no " + currency + " price");
            }
            return price;
        }
    }

    /** A cart line resolved to a product: what is sent to {@code POST /carts/{id}/items}. */
    record Line(Product product, int quantity) {
        BigDecimal amount(String currency) {
            return product.price(currency).multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** The most of one product a cart line may hold (the shop's rule). */
    static final int MAX_QUANTITY = 99;

    private final List<Product> products;

    private Catalogue(List<Product> products) {
        this.products = products;
    }

    /** Reads the body of {@code GET /products}: {@code {"items": [{sku, giftCard, prices: {JPY, USD}}]}}. */
    static Catalogue of(JsonNode body) {
        List<Product> products = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            if (item.path("giftCard").asBoolean(false) || !item.path("prices").isObject()) {
                continue;
            }
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            item.path("prices").properties().forEach(e -> prices.put(e.getKey(), e.getValue().decimalValue()));
            products.add(new Product(item.path("sku").asText(), prices));
        }
        if (products.isEmpty()) {
            throw new UnexpectedOutcome("GET /products listed no priced product: " + body);
        }
        products.sort(Comparator.comparing(Product::sku));
        return new Catalogue(List.copyOf(products));
    }

    Product at(int catalogueIndex) {
        return products.get(catalogueIndex % products.size());
    }

    /**
     * The plan's lines as products, merged by SKU (the shop merges them too), and, when the total
     * stays below {@code minimumTotal}, topped up the way a buyer of something expensive would: one
     * of the cheapest products that alone covers the gap, or else more of the dearest line.
     */
    List<Line> resolve(List<LineItem> items, String currency, BigDecimal minimumTotal) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (LineItem item : items) {
            Product product = at(item.catalogueIndex());
            lines.merge(product.sku(), new Line(product, item.quantity()),
                    (a, b) -> new Line(a.product(), Math.min(MAX_QUANTITY, a.quantity() + b.quantity())));
        }
        if (minimumTotal != null) {
            BigDecimal gap = minimumTotal.subtract(total(lines.values(), currency));
            if (gap.signum() > 0) {
                topUp(lines, currency, gap);
            }
        }
        return List.copyOf(lines.values());
    }

    static BigDecimal total(Iterable<Line> lines, String currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            total = total.add(line.amount(currency));
        }
        return total;
    }

    private void topUp(Map<String, Line> lines, String currency, BigDecimal gap) {
        Product covering = products.stream()
                .filter(p -> p.price(currency).compareTo(gap) >= 0)
                .min(Comparator.comparing((Product p) -> p.price(currency)).thenComparing(Product::sku))
                .orElse(null);
        if (covering != null) {
            lines.merge(covering.sku(), new Line(covering, 1),
                    (a, b) -> new Line(a.product(), Math.min(MAX_QUANTITY, a.quantity() + 1)));
            return;
        }
        Line dearest = lines.values().stream()
                .max(Comparator.comparing((Line l) -> l.product().price(currency)).thenComparing(l -> l.product().sku()))
                .orElseThrow();
        BigDecimal price = dearest.product().price(currency);
        int more = gap.divide(price, 0, java.math.RoundingMode.CEILING).intValueExact();
        lines.put(dearest.product().sku(), new Line(dearest.product(), Math.min(MAX_QUANTITY, dearest.quantity() + more)));
    }
}
