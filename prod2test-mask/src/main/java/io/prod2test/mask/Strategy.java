package io.prod2test.mask;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a policy rule does with the value at its location. */
public enum Strategy {
    /** Declared safe: the value is kept as it is. */
    KEEP(null),
    /** Run the detectors and replace what they find (what happens where no rule applies). */
    DETECT(null),
    /** Replace the whole value with a fixed marker, for values no test needs in any form. */
    REDACT(null),
    EMAIL(PiiKind.EMAIL),
    CARD_NUMBER(PiiKind.CARD_NUMBER),
    PHONE(PiiKind.PHONE),
    MY_NUMBER(PiiKind.MY_NUMBER),
    CORPORATE_NUMBER(PiiKind.CORPORATE_NUMBER),
    IBAN(PiiKind.IBAN),
    IP_ADDRESS(PiiKind.IP_ADDRESS),
    JWT(PiiKind.JWT),
    SECRET(PiiKind.SECRET),
    POSTAL_CODE(PiiKind.POSTAL_CODE),
    ADDRESS(PiiKind.ADDRESS),
    PERSON_NAME(PiiKind.PERSON_NAME),
    DATE_OF_BIRTH(PiiKind.DATE_OF_BIRTH),
    IDENTIFIER(PiiKind.IDENTIFIER);

    /** What {@link #REDACT} writes. */
    public static final String REDACTED = "[redacted]";

    private final PiiKind kind;

    Strategy(PiiKind kind) {
        this.kind = kind;
    }

    /** The kind whose surrogate replaces the whole value, or {@code null} for keep, detect and redact. */
    public PiiKind kind() {
        return kind;
    }

    /** The name written in policies: lower case with dashes, e.g. {@code card-number}. */
    @JsonValue
    public String policyName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Strategy parse(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strategy must be one of "
                        + Arrays.stream(values()).map(Strategy::policyName).collect(Collectors.joining(", "))
                        + ", was '" + name + "'"));
    }
}
