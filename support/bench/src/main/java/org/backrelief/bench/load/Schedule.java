package org.backrelief.bench.load;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** What the load generators share: waiting for an item's intended send time, and waiting for their workers. */
final class Schedule {

    private Schedule() {
    }

    /** Parks until {@code intendedNanos} ({@link System#nanoTime()}); returns at once when it has passed. */
    static void parkUntil(long intendedNanos) {
        long wait;
        while ((wait = intendedNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Joins the workers for at most {@code millis} in all; an interrupt stops waiting and is kept. */
    static void joinAll(List<Thread> workers, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        for (Thread worker : workers) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                worker.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
