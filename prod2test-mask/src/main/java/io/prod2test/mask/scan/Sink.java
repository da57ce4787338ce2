package io.prod2test.mask.scan;

import io.prod2test.mask.FieldContext;

/** Where a file's readers send each value they find, with the field it sits in and its line. */
@FunctionalInterface
interface Sink {
    void value(String text, FieldContext field, long line);
}
