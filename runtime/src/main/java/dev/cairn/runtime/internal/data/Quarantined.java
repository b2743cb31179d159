package dev.cairn.runtime.internal.data;

/** A row set aside, with why. */
record Quarantined(RowValues row, String error) {
}
