package io.prod2test.core.ingest.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;

/**
 * What every reader promises for any bytes at all: it ends, it never throws (an I/O error of the
 * stream aside), ordinals increase strictly, every rejection has a reason and a raw of at most
 * 64 KiB, and no record is a bug of ours dressed up as a rejection ("unexpected problem").
 * Plain exceptions, not AssertJ, so that Jazzer reports them as findings with the input.
 */
final class Invariants {
    private static final ReadContext CONTEXT = new ReadContext("fuzz.log", "fuzz", ZoneId.of("Asia/Tokyo"));

    private Invariants() {
    }

    static int check(LogFormat format, byte[] data) throws IOException {
        double score = format.sniff(data, "fuzz.log");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalStateException(format.name() + ": sniff score out of range: " + score);
        }
        RecordReader reader = format.open(new ByteArrayInputStream(data), CONTEXT);
        long last = 0;
        int records = 0;
        for (ReadRecord r = reader.next(); r != null; r = reader.next()) {
            records++;
            if (records > data.length + 1) {
                throw new IllegalStateException(format.name() + ": more records than bytes: the reader does not end");
            }
            if (r.position().ordinal() <= last) {
                throw new IllegalStateException(format.name() + ": ordinal " + r.position().ordinal() + " after " + last);
            }
            last = r.position().ordinal();
            if (r instanceof ReadRecord.Rejected rejected) {
                if (rejected.reason().startsWith("unexpected problem")) {
                    throw new IllegalStateException(format.name() + ": a bug surfaced as a rejection: " + rejected.reason());
                }
                if (rejected.raw().length() > Texts.RAW_LIMIT) {
                    throw new IllegalStateException(format.name() + ": raw longer than the limit");
                }
            }
        }
        if (reader.next() != null) {
            throw new IllegalStateException(format.name() + ": a finished reader gave another record");
        }
        return records;
    }
}
