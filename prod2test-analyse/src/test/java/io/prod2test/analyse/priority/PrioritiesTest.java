package io.prod2test.analyse.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrioritiesTest {
    static final Route PRODUCTS = new Route(1, "shop", "GET", "/products");
    static final Route CHECKOUT = new Route(2, "shop", "POST", "/carts/{id}/checkout");
    static final Route REFUND = new Route(3, "payments", "POST", "/payments/{id}/refunds");
    static final Route GET_PAYMENT = new Route(4, "payments", "GET", "/payments/{id}");

    @Test
    void onlyWritesThatNameAPaymentStepMoveMoney() {
        assertThat(Priorities.movesMoney(CHECKOUT)).isTrue();
        assertThat(Priorities.movesMoney(REFUND)).isTrue();
        assertThat(Priorities.movesMoney(GET_PAYMENT)).isFalse();
        assertThat(Priorities.movesMoney(PRODUCTS)).isFalse();
    }

    @Test
    void anUncoveredMoneyFlowOutranksAnEquallyFrequentCoveredBrowse() {
        var money = Priorities.flow(List.of(PRODUCTS, CHECKOUT), 0.2, 0.4, 0.1, Coverage.NOT_COVERED);
        var browse = Priorities.flow(List.of(PRODUCTS), 0.2, 0.4, 0, Coverage.COVERED);

        assertThat(money.value()).isGreaterThan(browse.value());
        assertThat(money.why()).isEqualTo("20.0% of sessions; 10% of them see an error; moves money (POST /carts/{id}/checkout); no test covers it");
        assertThat(browse.why()).isEqualTo("20.0% of sessions; already covered");
    }

    @Test
    void serverErrorsOutrankClientErrorsAndRareShapesRankLowest() {
        var server = Priorities.edgeCase(EdgeKind.ERROR_STATUS, GET_PAYMENT, 500, 10, 100, Coverage.UNKNOWN);
        var client = Priorities.edgeCase(EdgeKind.ERROR_STATUS, GET_PAYMENT, 404, 10, 100, Coverage.UNKNOWN);
        var shape = Priorities.edgeCase(EdgeKind.RARE_SHAPE, GET_PAYMENT, null, 10, 100, Coverage.UNKNOWN);

        assertThat(server.value()).isGreaterThan(client.value());
        assertThat(client.value()).isGreaterThan(shape.value());
        assertThat(server.why()).isEqualTo("10 times; server error 500");
        assertThat(Priorities.edgeCase(EdgeKind.RETRY, REFUND, null, 1, 1, Coverage.PARTLY_COVERED).why())
                .isEqualTo("1 time; moves money; only partly covered by tests");
    }

    @Test
    void everyKindHasAScoreWithinRange() {
        for (EdgeKind kind : EdgeKind.values()) {
            var score = Priorities.edgeCase(kind, CHECKOUT, kind == EdgeKind.ERROR_STATUS ? 409 : null, 5, 5, Coverage.NOT_COVERED);
            assertThat(score.value()).isBetween(0.0, 100.0);
        }
        assertThatThrownBy(() -> new Priorities.Score(101, "x")).hasMessageContaining("between 0 and 100");
    }
}
