package io.prod2test.mask.detect;

import io.prod2test.mask.PiiKind;
import java.util.Set;

/**
 * Japanese Individual Numbers (My Number, 個人番号): 12 digits, written together or 4-4-4 with single
 * spaces or dashes, whose last digit is the check digit of the official rule
 * ({@link Numbers#myNumberCheckDigit}).
 *
 * <p>One random 12-digit number in ten passes that check, so more is asked of a bare number: whole
 * (word boundaries, not part of a longer run, a decimal or an identifier), not a timestamp
 * {@code yyyyMMddHHmm}, not one digit twelve times ({@code 0000 0000 0000}), not inside an AWS
 * ARN ({@code arn:aws:iam::123456789012:…}), and not right after a word that says it is something
 * else — order, invoice, tracking, account, customer, 注文, 伝票, any other 番号 … — unless a My Number label ({@code マイナンバー}, {@code 個人番号}, {@code my number}) is there too.
 *
 * <p>In a field named {@code myNumber}, {@code individualNumber}, {@code 個人番号} … a 12-digit
 * value is reported even with a wrong check digit: a mistyped My Number is one digit away from a
 * person's, and the field says what it is.
 */
public final class MyNumberDetector extends BaseDetector {
    /** The detector's name in policies and reports. */
    public static final String NAME = "my-number";

    private static final Set<String> FIELDS = Set.of(
            "mynumber", "mynumbercard", "individualnumber", "kojinbango", "kojinbangou", "マイナンバー", "個人番号");
    private static final String[] LABELS = {"my number", "mynumber", "my_number", "マイナンバー", "個人番号", "individual number"};
    private static final String[] NOT_MY_NUMBER = {
            "order", "invoice", "tracking", "account", "acct", "arn:", "isbn", "sku", "serial", "ticket",
            "customer", "member", "client", "user id", "userid",
            // any other number: 会員番号, お客様番号, 注文番号 … (個人番号 is a label, checked first)
            "注文", "伝票", "追跡", "請求", "口座", "受付", "問合せ", "問い合わせ", "番号", "顧客"};
    private static final String[] NOT_MY_NUMBER_FIELDS = {"order", "invoice", "tracking", "account", "amount", "price",
            "time", "date", "serial", "phone", "tel"};

    /** For {@link java.util.ServiceLoader}; stateless, so one instance serves every thread. */
    public MyNumberDetector() {
        super(NAME, Set.of(PiiKind.MY_NUMBER));
    }

    /** Whether a folded field name names a My Number. */
    static boolean isMyNumberField(String name) {
        return FIELDS.contains(name);
    }

    /** Whether a folded field name names another kind of number. */
    static boolean isOtherNumberField(String name) {
        return Context.nameContains(name, NOT_MY_NUMBER_FIELDS);
    }

    @Override
    boolean mayFind(Scan scan) {
        return scan.text.length() >= 12 && scan.digitCount() >= 12;
    }

    @Override
    void find(Scan scan, Hits hits) {
        String text = scan.text;
        boolean myNumberField = scan.field(FieldTraits.MY_NUMBER);
        boolean otherField = !myNumberField && scan.field(FieldTraits.OTHER_NUMBER);
        int[] ends = new int[4];
        char[] digits = new char[12];
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Chars.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int groups = Numbers.groups(text, start, ends);
            i = ends[groups - 1];
            int end = -1;
            if (ends[0] - start == 12) {
                end = ends[0];
            } else if (groups == 3 && ends[0] - start == 4 && ends[1] - ends[0] == 5 && ends[2] - ends[1] == 5) {
                end = ends[2];
            }
            if (end < 0 || !Numbers.leftBoundary(text, start) || !Numbers.rightBoundary(text, end)) {
                continue;
            }
            Numbers.digits(text, start, end, digits);
            if (myNumberField) {
                hits.add(start, end, PiiKind.MY_NUMBER); // mistyped or not, see the class comment
                continue;
            }
            if (Numbers.myNumberCheckDigit(digits) != digits[11] - '0' || Numbers.looksLikeDateTime(digits)
                    || allSame(digits) || inArn(text, start, end)) {
                continue;
            }
            boolean labelled = Context.precededBy(text, start, 24, LABELS);
            if (!labelled && (otherField || Context.precededBy(text, start, 24, NOT_MY_NUMBER))) {
                continue;
            }
            hits.add(start, end, PiiKind.MY_NUMBER);
        }
    }

    /** {@code 0000-0000-0000} passes the check (all weights times zero) but is a placeholder. */
    private static boolean allSame(char[] digits) {
        for (int i = 1; i < 12; i++) {
            if (digits[i] != digits[0]) {
                return false;
            }
        }
        return true;
    }

    /** {@code arn:aws:iam::123456789012:role/…}: an AWS account id between colons. */
    private static boolean inArn(String text, int start, int end) {
        return Chars.at(text, start - 1) == ':' && Chars.at(text, end) == ':';
    }
}
