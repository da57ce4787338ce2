package io.prod2test.mask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.prod2test.api.Exchange;
import io.prod2test.api.ExchangeJson;
import io.prod2test.mask.surrogate.MaskingKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskerTest {

    private static final MaskingKey KEY = MaskingKey.of("a-test-key-of-32-bytes-length!!!".getBytes(StandardCharsets.UTF_8));
    private static final MaskingKey OTHER_KEY = MaskingKey.of("another-test-key-32-bytes-long!!".getBytes(StandardCharsets.UTF_8));

    // Synthetic values only: a test card, made-up people, documentation IPs replaced by the masker anyway.
    private static final String EMAIL = "hanako.yamada@example.net";
    private static final String CARD = "4242424242424242";
    private static final String PHONE = "090-1234-5678";
    private static final String NAME = "山田 花子";
    private static final String KANA = "ヤマダ ハナコ";
    private static final String CLIENT_IP = "198.18.7.20";
    private static final String BEARER = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTc3In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    private final Masker masker = Masker.create(MaskingPolicy.defaults(), KEY);

    @Test
    void replacesEveryPlantedValueInAnExchange() {
        String masked = ExchangeJson.write(masker.mask(signup()));

        assertThat(masked).doesNotContain(EMAIL, CARD, PHONE, NAME, KANA, CLIENT_IP, "u-77", "s-19ab",
                "eyJzdWIiOiJ1LTc3In0", "cvc-123");
        assertThat(masker.report().total()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void keepsWhatTheFlowNeeds() {
        Exchange masked = masker.mask(signup());

        assertThat(masked.method()).isEqualTo("POST");
        assertThat(masked.path()).isEqualTo("/customers");
        assertThat(masked.status()).isEqualTo(201);
        assertThat(masked.requestHeaders()).containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .containsEntry("content-type", "application/json");
        assertThat(masked.requestBody().get("amount").decimalValue()).isEqualByComparingTo("49.80");
        assertThat(masked.requestBody().get("locale").asText()).isEqualTo("ja-JP");
        assertThat(masked.responseBody().get("id").asLong()).isEqualTo(812);
    }

    @Test
    void theSameValueGetsTheSameSurrogateInLogsAndRows() {
        Exchange masked = masker.mask(signup());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 812L);
        row.put("email", EMAIL);
        row.put("phone", PHONE);
        row.put("date_of_birth", LocalDate.of(1990, 4, 1));

        Map<String, Object> maskedRow = masker.maskRow("customers", row);

        assertThat(maskedRow.get("email")).isEqualTo(masked.requestBody().get("email").asText()).isNotEqualTo(EMAIL);
        assertThat(maskedRow.get("phone")).isEqualTo(masked.requestBody().get("phone").asText()).isNotEqualTo(PHONE);
        assertThat(maskedRow.get("id")).isEqualTo(812L);
        assertThat(maskedRow.get("date_of_birth")).isInstanceOf(LocalDate.class).isNotEqualTo(LocalDate.of(1990, 4, 1));
    }

    @Test
    void sessionsAndUsersStayJoinedAcrossExchanges() {
        Exchange first = masker.mask(signup());
        Exchange second = masker.mask(signup());

        assertThat(first.sessionId()).isEqualTo(second.sessionId()).isNotEqualTo("s-19ab");
        assertThat(first.requestHeaders().get("cookie")).isEqualTo("sid=" + first.sessionId() + "; theme=dark");
        assertThat(first.userId()).isEqualTo(second.userId());
    }

    @Test
    void anotherKeyGivesOtherSurrogates() {
        Exchange a = masker.mask(signup());
        Exchange b = Masker.create(MaskingPolicy.defaults(), OTHER_KEY).mask(signup());

        assertThat(a.requestBody().get("email")).isNotEqualTo(b.requestBody().get("email"));
        assertThat(a.clientIp()).isNotEqualTo(b.clientIp());
    }

    @Test
    void repeatedValuesCountInTheReportEveryTime() {
        Masker fresh = Masker.create(MaskingPolicy.defaults(), KEY);

        String first = fresh.maskText(EMAIL);
        long once = fresh.report().total();
        String second = fresh.maskText(EMAIL);

        assertThat(second).isEqualTo(first);
        assertThat(fresh.report().total()).isEqualTo(2 * once).isPositive();
    }

    @Test
    void masksFreeTextAndCountsByDetector() {
        Masker fresh = Masker.create(MaskingPolicy.defaults(), KEY);

        String masked = fresh.maskText("refund for " + EMAIL + " on card " + CARD);

        assertThat(masked).startsWith("refund for ").contains(" on card ").doesNotContain(EMAIL, CARD);
        assertThat(fresh.report().entries()).extracting(MaskingReport.Entry::kind)
                .contains(PiiKind.EMAIL, PiiKind.CARD_NUMBER);
    }

    @Test
    void aPolicyWithoutDetectionKeepsWhatNoRuleNamesButStillMasksFreeText() {
        Masker rulesOnly = Masker.create(MaskingPolicy.of(false, List.of(
                new MaskingPolicy.Rule(MaskingPolicy.Where.FIELD, "clientIp", null, Strategy.IP_ADDRESS))), KEY);

        Exchange masked = rulesOnly.mask(signup());

        assertThat(masked.requestBody().get("email").asText()).isEqualTo(EMAIL);
        assertThat(masked.clientIp()).isNotEqualTo(CLIENT_IP);
        assertThat(rulesOnly.maskText(EMAIL)).isNotEqualTo(EMAIL);
    }

    private static Exchange signup() {
        JsonNode request = ExchangeJson.bodyOf("""
                {"email":"%s","name":"%s","nameKana":"%s","phone":"%s","locale":"ja-JP",
                 "card":{"number":"%s","cvc":"cvc-123"},"amount":49.80}""".formatted(EMAIL, NAME, KANA, PHONE, CARD));
        JsonNode response = ExchangeJson.bodyOf("{\"id\":812,\"email\":\"%s\",\"name\":\"%s\"}".formatted(EMAIL, NAME));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("authorization", BEARER);
        headers.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        headers.put("cookie", "sid=s-19ab; theme=dark");
        headers.put("x-forwarded-for", CLIENT_IP);
        return Exchange.builder(Instant.parse("2026-11-02T09:14:03Z"), "POST", "/customers")
                .service("shop").requestHeaders(headers).requestBody(request).status(201).responseBody(response)
                .sessionId("s-19ab").userId("u-77").clientIp(CLIENT_IP).build();
    }
}
