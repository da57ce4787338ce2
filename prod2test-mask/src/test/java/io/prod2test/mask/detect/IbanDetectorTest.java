package io.prod2test.mask.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {
    private final IbanDetector detector = new IbanDetector();

    /** The IBAN registry's published examples, written together and in print form. */
    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
            "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606", "NL91ABNA0417164300", "ES9121000418450200051332",
            "IT60X0542811101000000123456", "IT60 X054 2811 1010 0000 0123 456", "CH9300762011623852957", "BE68539007547034",
            "NO9386011117947", "MT84MALT011000012345MTLCAST001S"})
    void findsIbans(String iban) {
        assertThat(Found.in(detector, iban)).containsExactly("IBAN:" + iban);
        assertThat(Found.in(detector, "IBAN: " + iban + ".")).containsExactly("IBAN:" + iban);
    }

    @Test
    void findsFullWidthIbans() {
        assertThat(Found.in(detector, "振込先 ＤＥ８９３７０４００４４０５３２０１３０００"))
                .containsExactly("IBAN:ＤＥ８９３７０４００４４０５３２０１３０００");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013001", "GB82WEST12345698765431", "XX89370400440532013000",
            "DE8937040044053201300", "DE893704004405320130001", "de89370400440532013000", "DE89 37040044 0532013000",
            "DE89 3704 0044 0532 01 30 00", "ADE89370400440532013000", "DE89370400440532013000X", "DE00 0000 0000"})
    void rejectsWrongChecksLengthsAndShapes(String text) {
        assertThat(Found.in(detector, text)).isEmpty();
    }
}
