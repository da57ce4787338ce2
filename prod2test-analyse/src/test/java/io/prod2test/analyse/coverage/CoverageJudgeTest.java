package io.prod2test.analyse.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.prod2test.analyse.Coverage;
import io.prod2test.analyse.EdgeKind;
import io.prod2test.analyse.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoverageJudgeTest {
    static final Route PAY = new Route(1, "payments", "POST", "/payments");
    static final Route REFUND = new Route(2, "payments", "POST", "/payments/{id}/refunds");
    static final Route GET_PAY = new Route(3, "payments", "GET", "/payments/{id}");
    static final Route SHIP = new Route(4, "shop", "POST", "/orders/{id}/shipments");

    static TestFile file(String name, String text, TestCall... calls) {
        return new TestFile(Path.of(name), false, List.of(calls), Set.of(422), text);
    }

    @Test
    void aFlowIsCoveredWhenOneFileCallsAllItsRoutesAndPartlyWhenFilesCallSome() {
        CoverageJudge judge = new CoverageJudge(List.of(PAY, REFUND, GET_PAY, SHIP), List.of(
                file("a", "", new TestCall("POST", "/payments", 1), new TestCall(null, "/payments/pay_9/refunds", 2)),
                file("b", "", new TestCall("GET", "/payments/{paymentId}", 1))));

        assertThat(judge.flow(List.of(1L, 2L))).isEqualTo(Coverage.COVERED);
        assertThat(judge.flow(List.of(1L, 3L))).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.flow(List.of(4L))).isEqualTo(Coverage.NOT_COVERED);
        assertThat(judge.called(3)).isTrue();
    }

    @Test
    void aConcretePathMatchesItsTemplateSegmentBySegmentAndTheMethodMustAgree() {
        CoverageJudge judge = new CoverageJudge(List.of(PAY, GET_PAY), List.of(
                file("a", "", new TestCall("POST", "/payments/pay_1", 1), new TestCall("GET", "/payments/pay_1/extra", 2))));

        assertThat(judge.called(3)).isFalse();
        assertThat(judge.called(1)).isFalse();
    }

    @Test
    void anEdgeCaseIsCoveredWhenTheFileShowsTheCondition() {
        CoverageJudge judge = new CoverageJudge(List.of(PAY, REFUND, SHIP), List.of(
                file("a", "retry with the same idempotency-key; amount 0", new TestCall("POST", "/payments", 1),
                        new TestCall("POST", "/orders/1/shipments", 2))));

        assertThat(judge.edgeCase(EdgeKind.ERROR_STATUS, 1, 422, "HTTP 422")).isEqualTo(Coverage.COVERED);
        assertThat(judge.edgeCase(EdgeKind.ERROR_STATUS, 1, 402, "HTTP 402")).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.edgeCase(EdgeKind.RETRY, 1, null, "x")).isEqualTo(Coverage.COVERED);
        assertThat(judge.edgeCase(EdgeKind.ODD_VALUE, 1, null, "zero at $.amount")).isEqualTo(Coverage.COVERED);
        assertThat(judge.edgeCase(EdgeKind.RARE_SHAPE, 1, null, "fields amount:number,currency:string")).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.edgeCase(EdgeKind.CONCURRENT, 4, null, "x")).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.edgeCase(EdgeKind.SLOW, 4, null, "x")).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.edgeCase(EdgeKind.DUPLICATE, 4, null, "x")).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.edgeCase(EdgeKind.OUT_OF_ORDER, 4, null, "x")).isEqualTo(Coverage.PARTLY_COVERED);
        assertThat(judge.edgeCase(EdgeKind.RETRY, 2, null, "x")).isEqualTo(Coverage.NOT_COVERED);
    }

    @Test
    void templatesBecomePatternsWithOneSegmentPerParameter() {
        assertThat(CoverageJudge.pattern("/a/{id}/b").matcher("/a/7/b").matches()).isTrue();
        assertThat(CoverageJudge.pattern("/a/{id}/b").matcher("/a/7/8/b").matches()).isFalse();
        assertThat(CoverageJudge.pattern("/").matcher("/").matches()).isTrue();
        assertThat(CoverageJudge.fields("fields amount:number,sku:string")).containsExactly("amount", "sku");
        assertThat(CoverageJudge.fields("an empty object")).isEmpty();
    }
}
