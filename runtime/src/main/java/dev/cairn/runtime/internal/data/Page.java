package dev.cairn.runtime.internal.data;

import java.util.List;

/**
 * The rows of one batch, in key order.
 *
 * @param lastKey the key of the last row, or {@code null} if there is none
 * @param exhausted whether the range has no rows after these
 */
record Page(List<RowValues> rows, List<Object> lastKey, boolean exhausted) {
}
