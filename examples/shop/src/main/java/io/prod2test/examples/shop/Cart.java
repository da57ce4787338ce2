package io.prod2test.examples.shop;

import io.prod2test.examples.support.Fault;
import io.prod2test.examples.support.FaultSwitches;
import java.math.BigDecimal;
import java.util.List;

/**
 * A cart with its lines; amounts in minor units.
 *
 * @param locale the owner's locale, which picks the language of the line names
 */
record Cart(String id, String customerId, String locale, ShopCurrency currency, String status, List<Line> lines) {
    static final String OPEN = "open";
    static final String CHECKED_OUT = "checked_out";

    Cart {
        lines = List.copyOf(lines);
    }

    /** One line: a product and how many, or a gift card with its own amount as unit price. */
    record Line(String sku, String nameEn, String nameJa, int quantity, BigDecimal unitPrice) {
        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    boolean isOpen() {
        return OPEN.equals(status);
    }

    /** Σ quantity × unit price in minor units; the order is charged exactly this. */
    BigDecimal total(FaultSwitches faults) {
        boolean ignoreQuantity = faults.isOn(Fault.CART_TOTAL_IGNORES_QUANTITY);
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            // The regression: the line's unit price summed where the line's amount was meant.
            total = total.add(ignoreQuantity ? line.unitPrice() : line.amount());
        }
        return total;
    }

    View view(FaultSwitches faults) {
        List<View.Item> items = lines.stream()
                .map(l -> new View.Item(l.sku(), NewCustomer.readsJapanese(locale) ? l.nameJa() : l.nameEn(), l.quantity(),
                        currency.toMajor(l.unitPrice()), currency.toMajor(l.amount())))
                .toList();
        return new View(id, customerId, currency.name(), status, items, currency.toMajor(total(faults)));
    }

    /** The cart as the API shows it, in major units. */
    record View(String id, String customerId, String currency, String status, List<Item> items, BigDecimal total) {
        record Item(String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
        }
    }
}
