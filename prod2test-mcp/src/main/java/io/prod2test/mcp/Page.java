package io.prod2test.mcp;

import java.util.List;

/**
 * One page of a long list, with what it takes to get the next one.
 *
 * @param total      items in the whole list
 * @param offset     index of the first item on this page
 * @param limit      the page size asked for
 * @param nextOffset the offset of the next page, or {@code null} on the last page
 * @param items      this page's items
 */
public record Page<T>(long total, long offset, int limit, Long nextOffset, List<T> items) {
    public Page {
        items = List.copyOf(items);
        if (offset < 0 || limit < 1 || total < 0) {
            throw new IllegalArgumentException("a page has offset >= 0, limit >= 1 and total >= 0");
        }
    }

    public static <T> Page<T> of(long total, long offset, int limit, List<T> items) {
        long next = offset + items.size();
        return new Page<>(total, offset, limit, next < total ? next : null, items);
    }
}
