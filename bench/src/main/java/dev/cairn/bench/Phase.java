package dev.cairn.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a part of the run took, the share of the machine's CPU capacity over it (every core's
 * time) that processes other than the bench's used, and the share spent in irq, softirq and steal,
 * which no process's times hold (see {@link CpuTimes}); empty where they were not measured. A part
 * where other processes took more than {@link #SUSPECT} has suspect figures.
 */
record Phase(Duration duration, Optional<Double> otherCpuShare, Optional<Double> irqStealShare) {

    /** The share of the machine's capacity that other processes may take before a part is flagged. */
    static final double SUSPECT = 0.05;

    boolean suspect() {
        return otherCpuShare.map(share -> share > SUSPECT).orElse(false);
    }
}
