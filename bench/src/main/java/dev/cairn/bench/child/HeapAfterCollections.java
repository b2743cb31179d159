package dev.cairn.bench.child;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A child's heap in use after a collection, the largest over the run: after every garbage
 * collection, the sum over the heap pools of that one collection's usage after it. After a G1
 * young collection it still counts old-generation objects that are garbage but not collected yet,
 * so it is an upper bound of the live data, not the live data itself; unlike the pools' own peaks,
 * it does not count the young garbage, nor pools peaking at different times.
 */
public final class HeapAfterCollections {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    private HeapAfterCollections() {
    }

    /** Starts listening to every collector's notifications; call it first thing in {@code main}, before the timed part. */
    public static HeapAfterCollections watch() {
        HeapAfterCollections heap = new HeapAfterCollections();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    heap.collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc());
                }
            }, null, null);
        }
        return heap;
    }

    /** One collection's usage after it, by pool: counts its heap pools. */
    void collected(Map<String, MemoryUsage> afterGc) {
        peak.accumulateAndGet(inUseAfter(afterGc, heapPools), Math::max);
        collections.incrementAndGet();
    }

    /** The heap in use after one collection: the sum over the heap pools of its usage after it. */
    static long inUseAfter(Map<String, MemoryUsage> afterGc, Set<String> heapPools) {
        return afterGc.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /**
     * Adds {@code heapAfterGcBytes} and {@code collections} (those during the run) to {@code out}.
     * Call it after the timed part: it collects once more, so that the heap still in use at the end
     * counts even in a run too short for any collection, and waits until every collection has
     * been notified (notifications come on a JVM thread, a little after the collection).
     */
    public void report(ChildOutput out) throws InterruptedException {
        long duringRun = collectionCount();
        System.gc();
        long done = collectionCount();
        for (int wait = 0; collections.get() < done && wait < 200; wait++) {
            Thread.sleep(10);
        }
        if (collections.get() < done) {
            throw new IllegalStateException("only " + collections.get() + " of " + done + " garbage collections were notified");
        }
        out.put("heapAfterGcBytes", peak.get()).put("collections", duringRun);
    }

    private static long collectionCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
