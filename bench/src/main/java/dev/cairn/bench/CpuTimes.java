package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time at one moment, from Linux's {@code /proc}, in clock ticks: the machine's busy and total
 * time over all cores ({@code /proc/stat}), and the bench's own: the harness JVM with the children
 * it reaped ({@code /proc/self/stat}: utime, stime, cutime, cstime) and the embedded PostgreSQL
 * server (its postmaster's four, whose cutime and cstime hold its exited backends, plus its live
 * children). Between two readings, the busy time that is not the bench's was another process's:
 * interference that makes a part's figures suspect. The machine's busy time is user, nice and
 * system only: interrupt, soft-interrupt and steal time is in no process's times (loopback TCP to
 * PostgreSQL lands in softirq), so it is kept apart ({@code machineIrqSteal}) and reported on its own.
 */
record CpuTimes(long machineBusy, long machineTotal, long machineIrqSteal, long own) {

    /** Reads them now; the bench runs on Linux only (as its pom says), so a {@code /proc} it cannot read fails the run. */
    static CpuTimes read(long postmaster) throws IOException {
        long[] machine = machine(Files.readAllLines(Path.of("/proc/stat")).get(0));
        long own = processTimes(Files.readString(Path.of("/proc/self/stat")), true)
                + processTimes(Files.readString(Path.of("/proc/" + postmaster + "/stat")), true) + liveChildren(postmaster);
        return new CpuTimes(machine[0], machine[1], machine[2], own);
    }

    /**
     * The share of the machine's capacity between {@code start} and this reading (every core's
     * time) that other processes used: their busy time over the total.
     */
    double otherShareSince(CpuTimes start) {
        long total = machineTotal - start.machineTotal;
        long other = (machineBusy - start.machineBusy) - (own - start.own);
        return total <= 0 ? 0 : Math.max(0, other) / (double) total;
    }

    /** The share of the machine's capacity between {@code start} and this reading spent in irq, softirq and steal. */
    double irqStealShareSince(CpuTimes start) {
        long total = machineTotal - start.machineTotal;
        return total <= 0 ? 0 : (machineIrqSteal - start.machineIrqSteal) / (double) total;
    }

    /**
     * Busy, total, and irq with softirq and steal ticks from {@code /proc/stat}'s first line,
     * {@code cpu user nice system idle iowait irq softirq steal guest guest_nice}: busy is user,
     * nice and system (guest time is already in user), what processes' times can account for.
     */
    static long[] machine(String cpuLine) {
        String[] words = cpuLine.trim().split("\\s+");
        if (!words[0].equals("cpu") || words.length < 9) {
            throw new IllegalArgumentException("not /proc/stat's cpu line: " + cpuLine);
        }
        long[] f = Arrays.stream(words).skip(1).mapToLong(Long::parseLong).toArray();
        long busy = f[0] + f[1] + f[2];
        long irqSteal = f[5] + f[6] + f[7];
        return new long[] {busy, busy + irqSteal + f[3] + f[4], irqSteal};
    }

    /**
     * A process's ticks from its {@code /proc/<pid>/stat}: utime and stime, with {@code reaped}
     * also cutime and cstime (its waited-for children). Fields count from after the command name,
     * which may hold spaces and parentheses, so from its last ')'.
     */
    static long processTimes(String stat, boolean reaped) {
        String[] f = fieldsAfterName(stat);
        // f[0] is field 3 (state): utime, stime, cutime, cstime are fields 14 to 17.
        long times = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return reaped ? times + Long.parseLong(f[13]) + Long.parseLong(f[14]) : times;
    }

    /** A process's parent, field 4 of its {@code /proc/<pid>/stat}. */
    static long parent(String stat) {
        return Long.parseLong(fieldsAfterName(stat)[1]);
    }

    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    }

    /** utime and stime of the live children of {@code parent} (the server's backends and workers). */
    private static long liveChildren(long parent) throws IOException {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                Optional<String> stat = readIfThere(process.resolve("stat"));
                if (stat.isPresent() && parent(stat.get()) == parent) {
                    sum += processTimes(stat.get(), false);
                }
            }
        }
        return sum;
    }

    /** A process may end between listing and reading: then it is not there. */
    private static Optional<String> readIfThere(Path stat) {
        try {
            return Optional.of(Files.readString(stat));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
