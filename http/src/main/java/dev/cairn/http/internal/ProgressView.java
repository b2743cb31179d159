package dev.cairn.http.internal;

import dev.cairn.runtime.Progress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A data migration's {@link Progress} as JSON: rows done and in all, the batch, the rate and the
 * time left at that rate, and the share done.
 */
final class ProgressView {

    private ProgressView() {
    }

    static Map<String, Object> of(Progress progress) {
        Long total = progress.total().isPresent() ? progress.total().getAsLong() : null;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("done", progress.done());
        json.put("total", total);
        json.put("batch", progress.batch());
        json.put("ratePerSecond", tenths(progress.rate()));
        json.put("etaSeconds", progress.remaining().map(left -> left.toMillis() / 1000.0).orElse(null));
        json.put("elapsedMs", progress.elapsed().toMillis());
        json.put("resumedFrom", progress.resumedFrom());
        json.put("percent", percent(progress.done(), total));
        return json;
    }

    /** What is known of a run that is not going on here: its rows, nothing about its pace. */
    static Map<String, Object> stopped(long done, Long total) {
        return of(new Progress(done, total == null ? OptionalLong.empty() : OptionalLong.of(total), 0,
                Duration.ZERO, 0));
    }

    private static Double percent(long done, Long total) {
        if (total == null) {
            return null;
        }
        // Rounded down, so that 100 means done.
        return total == 0 ? 100.0 : Math.min(100.0, Math.floor(done * 1000.0 / total) / 10);
    }

    /** To a tenth: what a person reads of a rate, without the float's noise. */
    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
