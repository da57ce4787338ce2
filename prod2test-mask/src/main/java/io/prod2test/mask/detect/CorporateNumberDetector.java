package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;

/**
 * Japanese corporate numbers (法人番号): 13 digits whose leading digit is the check digit of the
 * 12 after it ({@link Numbers#corporateCheckDigit}).
 *
 * <p>Context is required, because one 13-digit number in nine passes the check and 13-digit
 * numbers are above all millisecond timestamps ({@code 1700000000000}). A number counts when it is
 * the value of a field named {@code corporateNumber}, {@code houjinBangou}, {@code 法人番号} …, when a
 * label ({@code 法人番号}, {@code corporate number}, {@code 登録番号}) comes shortly before it, or when
 * it is written as an invoice registration number ({@code T} + 13 digits, 適格請求書発行事業者登録番号,
 * which for a company is its corporate number). The span is the 13 digits, without the {@code T}.
 */
public final class CorporateNumberDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "corporate-number";

    private static final Set<String> FIELDS = Set.of(
            "corporatenumber", "corporateno", "houjinbangou", "houjinbango", "hojinbango", "法人番号",
            "invoiceregistrationnumber", "registrationnumber", "登録番号", "適格請求書発行事業者登録番号");
    private static final String[] LABELS = {"法人番号", "corporate number", "corporate no", "corporate_number",
            "corporatenumber", "houjin", "登録番号", "事業者番号", "invoice registration", "registration number"};

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public CorporateNumberDetector() {
        super(NAME, Set.of(PiiKind.CORPORATE_NUMBER));
    }

    /** Whether a folded field name names a corporate number. */
    static boolean isCorporateNumberField(String name) {
        return FIELDS.contains(name);
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 13 && scan.digitCount() >= 13;
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        boolean field = scan.field(FieldTraits.CORPORATE_NUMBER);
        char[] digits = new char[13];
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Chars.isDigit(text.charAt(i))) {
                i++;
            }
            if (i - start != 13 || !Numbers.rightBoundary(text, i)) {
                continue;
            }
            boolean invoiceForm = Chars.at(text, start - 1) == 'T' && Numbers.leftBoundary(text, start - 1);
            if (!invoiceForm && !Numbers.leftBoundary(text, start)) {
                continue;
            }
            Numbers.digits(text, start, i, digits);
            if (Numbers.corporateCheckDigit(digits) != digits[0] - '0') {
                continue;
            }
            if (field || invoiceForm || Context.precededBy(text, start, 24, LABELS)) {
                hits.add(start, i, PiiKind.CORPORATE_NUMBER);
            }
        }
    }
}
