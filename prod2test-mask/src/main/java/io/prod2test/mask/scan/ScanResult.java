package io.prod2test.mask.scan;

import io.prod2test.mask.PiiKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a scan found.
 *
 * @param findings         the findings in scan order (files sorted, then by line), at most the
 *                         scanner's limit; {@link #totalFindings} counts them all
 * @param totalFindings    every personal value found that is not a surrogate
 * @param findingsByKind   {@link #totalFindings} by kind
 * @param files            text files scanned
 * @param skipped          files skipped as binary (a NUL byte in their first 8 KiB)
 * @param lines            lines read from the text files
 * @param surrogates       values the detectors found that are surrogates, recognised by their mark
 *                         ({@link io.prod2test.mask.surrogate.SurrogateFormats#isSurrogate}): masked, not reported
 * @param surrogatesByKind {@link #surrogates} by kind
 * @param reserved         e-mail addresses at reserved domains ({@code example.com}, {@code .test} …)
 *                         that are no surrogates: nobody's address, not reported
 * @param publicValues     values the masking policy declares public (published test cards …),
 *                         kept by masking on purpose: not reported
 * @param errors           files that could not be read, each {@code path: reason}; a scan with
 *                         errors is not clean, as what was not read may hold personal data
 */
public record ScanResult(List<Finding> findings, long totalFindings, Map<PiiKind, Long> findingsByKind, long files,
                         long skipped, long lines, long surrogates, Map<PiiKind, Long> surrogatesByKind, long reserved,
                         long publicValues, List<String> errors) {
    public ScanResult {
        findings = List.copyOf(findings);
        findingsByKind = Collections.unmodifiableMap(new EnumMap<>(byKind(findingsByKind)));
        surrogatesByKind = Collections.unmodifiableMap(new EnumMap<>(byKind(surrogatesByKind)));
        errors = List.copyOf(errors);
    }

    private static Map<PiiKind, Long> byKind(Map<PiiKind, Long> counts) {
        return counts.isEmpty() ? new EnumMap<>(PiiKind.class) : counts;
    }

    /** No personal data found and every file read: the CI gate passes (exit 0). */
    public boolean clean() {
        return totalFindings == 0 && errors.isEmpty();
    }

    /** Whether more was found than {@link #findings} lists. */
    public boolean truncated() {
        return totalFindings > findings.size();
    }

    /** One line for a person: what was scanned and found. */
    public String summary() {
        return totalFindings + " finding" + (totalFindings == 1 ? "" : "s") + (findingsByKind.isEmpty() ? "" : " " + findingsByKind)
                + " in " + files + " file" + (files == 1 ? "" : "s") + " (" + lines + " lines; " + skipped + " binary skipped); "
                + surrogates + " masked value" + (surrogates == 1 ? "" : "s") + " recognised"
                + (reserved > 0 ? ", " + reserved + " reserved e-mail address" + (reserved == 1 ? "" : "es") : "")
                + (publicValues > 0 ? ", " + publicValues + " public value" + (publicValues == 1 ? "" : "s") + " of the policy" : "")
                + (errors.isEmpty() ? "" : "; " + errors.size() + " unreadable");
    }
}
