package io.prod2test.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/** The reference the log benchmarks are measured against: what reading and writing the JSON alone costs. */
public final class ParseFloor {
    private ParseFloor() {
    }

    /** Every token of every line of {@code in} parsed and written to {@code out}, nothing else. */
    public static void jacksonCopy(Path in, OutputStream out) throws IOException {
        JsonFactory factory = new JsonFactory();
        try (JsonParser parser = factory.createParser(in.toFile());
             JsonGenerator generator = factory.createGenerator(new BufferedOutputStream(out, 1 << 16))) {
            generator.setRootValueSeparator(new SerializedString("\n"));
            while (parser.nextToken() != null) {
                generator.copyCurrentStructure(parser);
            }
        }
    }
}
