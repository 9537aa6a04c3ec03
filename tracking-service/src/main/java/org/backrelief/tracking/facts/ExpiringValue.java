package org.backrelief.tracking.facts;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value loaded on demand and kept for a while: reads that would otherwise ask the database for the same small
 * document on every request ask it at most once per {@code timeToLive}. {@link #invalidate()} forces the next read
 * to load again, and a load that raced with it is not kept. A failed load is not kept either (it is thrown).
 */
final class ExpiringValue<T> {

    private final Supplier<T> loader;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    /** Bumped by {@link #invalidate()}: a load that started before it must not be cached. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile Entry<T> entry;

    private record Entry<T>(T value, long loadedAt, long epoch) {
    }

    ExpiringValue(Duration timeToLive, LongSupplier nanoClock, Supplier<T> loader) {
        this.loader = loader;
        this.ttlNanos = timeToLive.toNanos();
        this.nanoClock = nanoClock;
    }

    T get() {
        long now = nanoClock.getAsLong();
        long currentEpoch = epoch.get();
        Entry<T> cached = entry;
        if (cached != null && cached.epoch == currentEpoch && now - cached.loadedAt < ttlNanos) {
            return cached.value;
        }
        T value = loader.get();
        if (ttlNanos > 0 && epoch.get() == currentEpoch) {
            entry = new Entry<>(value, now, currentEpoch);
        }
        return value;
    }

    void invalidate() {
        epoch.incrementAndGet();
        entry = null;
    }
}
