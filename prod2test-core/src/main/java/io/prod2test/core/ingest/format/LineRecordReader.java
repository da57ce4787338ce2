package io.prod2test.core.ingest.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * A reader for formats with one record a line: the shared {@link LineSource} does the bytes, a
 * subclass maps one line of text. Ordinals are line numbers, so they are stable and a user can
 * open the file at the position a rejection names.
 */
abstract class LineRecordReader implements RecordReader {
    private final LineSource lines;
    protected final ReadContext context;

    LineRecordReader(InputStream in, ReadContext context) {
        this(new LineSource(in), context);
    }

    LineRecordReader(LineSource lines, ReadContext context) {
        this.lines = lines;
        this.context = context;
    }

    @Override
    public final ReadRecord next() throws IOException {
        LineSource.Line line = lines.next();
        if (line == null) {
            return null;
        }
        Position position = new Position(line.number(), line.number());
        if (line.problem() != null) {
            return new ReadRecord.Rejected(position, line.problem(), line.raw());
        }
        try {
            return parse(line.text(), position);
        } catch (BadRecord e) {
            return new ReadRecord.Rejected(position, e.reason(), Texts.capRaw(line.text()));
        } catch (RuntimeException e) {
            // a bug of ours must not stop an ingest of millions of lines: the record says what happened
            return new ReadRecord.Rejected(position, Texts.unexpected(e), Texts.capRaw(line.text()));
        }
    }

    /** Maps one non-blank line of valid text; throws {@link BadRecord} when it cannot. */
    protected abstract ReadRecord parse(String text, Position position);

    /** One line's exchange, for formats whose lines are whole exchanges without downstream calls. */
    @FunctionalInterface
    interface LineExchange {
        /** The exchange; throws {@link BadRecord} with the reason when the line is not one. */
        io.prod2test.api.Exchange of(String line);
    }

    /** A reader whose every line is one exchange, mapped by {@code exchange}. */
    static LineRecordReader exchanges(InputStream in, ReadContext context, LineExchange exchange) {
        return new LineRecordReader(in, context) {
            @Override
            protected ReadRecord parse(String text, Position position) {
                return new ReadRecord.Parsed(position, exchange.of(text), java.util.List.of());
            }
        };
    }
}
