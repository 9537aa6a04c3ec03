package org.backrelief.infra.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * The H2 MVStore under the embedded MongoDB server, made durable: a write command is answered only after the store
 * committed it and the file was fsynced ({@link #awaitDurable()}).
 * <p>
 * H2's default is a background thread that commits about once a second and never fsyncs; a crash lost the last second
 * of acknowledged writes. Here the background writer is off and the command threads commit themselves, as a <em>group
 * commit</em>: a writer takes a ticket after its change is in the maps; whoever holds the commit lock commits and
 * fsyncs every change made so far, so the writers that queued behind it find their ticket covered and return without
 * a second fsync. Every store operation is synchronous (no write pipelined behind an fsync that claims to cover it).
 * <p>
 * Without the background thread, space reclamation is done here as well, a little after each commit (rewrite
 * sparsely filled chunks, drop dead ones); dead chunks are reused at once because every commit is fsynced (H2 keeps
 * them 45 s by default only in case the OS has not flushed yet). On open and on close the file is compacted if
 * much of it is free.
 */
public final class DurableStore {

    private static final Logger LOG = Logger.getLogger(DurableStore.class);

    /** Commands that may change data: their reply waits for the commit. */
    static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropindexes", "dropdatabase", "renamecollection", "collmod", "bulkwrite",
            "committransaction", "mapreduce", "applyops");

    /**
     * Dead chunks may be overwritten after this long. H2 keeps them 45 s by default in case the OS has not flushed
     * the commit that made them dead; here every commit is fsynced before the next one can reuse the space, and
     * readers pin the version they read (IndexedBackends), so the space is reused at once.
     */
    static final int RETENTION_MILLIS = Integer.getInteger("backrelief.mongo.retention", 0);
    /** Chunks fuller than this are left alone by the housekeeping. */
    static final int TARGET_FILL_RATE = Integer.getInteger("backrelief.mongo.hk-fill", 50);
    /** Housekeeping rewrites at most this much per commit. */
    static final int HOUSEKEEPING_WRITE_BYTES = Integer.getInteger("backrelief.mongo.hk-bytes", 1024 * 1024);
    /** Compact the file at open/close when less than this share of it is live data. */
    static final int COMPACT_BELOW_FILL_RATE = 70;

    private final MVStore store;
    private final AtomicLong writes = new AtomicLong();
    private long durableWrites;
    private long commits;
    private long lastHousekeeping = System.nanoTime();

    private DurableStore(MVStore store) {
        this.store = store;
    }

    /** Opens (or creates) the store in {@code fileName}, compacting it first if it is mostly free space. */
    public static DurableStore open(String fileName) {
        long started = System.nanoTime();
        Path file = Path.of(fileName);
        boolean existed = Files.exists(file);
        MVStore store = builder(fileName).open();
        if (existed && mostlyFree(store)) {
            // full rewrite of the live data into a fresh file: cheap next to reading a mostly-dead one forever
            store.close(-1);
            store = builder(fileName).open();
        }
        store.setRetentionTime(RETENTION_MILLIS);
        store.setVersionsToKeep(2);
        LOG.debugf("Opened %s (%d KiB) in %d ms", fileName, store.getFileStore().size() / 1024,
                (System.nanoTime() - started) / 1_000_000);
        return new DurableStore(store);
    }

    /**
     * Pages are compressed as they are written: the documents are Java-serialized and compress about 4:1; without it
     * the running file held about 5 KB per tracker event (EventStoreBench, 10,000 events: 52 MB against 14 MB).
     */
    private static MVStore.Builder builder(String fileName) {
        MVStore.Builder builder = new MVStore.Builder().fileName(fileName).autoCommitDisabled();
        return Boolean.parseBoolean(System.getProperty("backrelief.mongo.compress", "true")) ? builder.compress() : builder;
    }

    public MVStore mvStore() {
        return store;
    }

    /**
     * Returns once every change made by this thread before the call is committed and on disk. Callers that arrive
     * while a commit runs are covered by the next one (one fsync for all of them).
     */
    public void awaitDurable() {
        long ticket = writes.incrementAndGet();
        synchronized (this) {
            if (durableWrites >= ticket || store.isClosed()) {
                return;
            }
            long covered = writes.get();
            store.commit();
            store.sync();
            durableWrites = covered;
            commits++;
            housekeep();
        }
    }

    /** Reclaims space a little at a time: rewrite the live pages of sparse chunks, so whole chunks become free. */
    private void housekeep() {
        long now = System.nanoTime();
        if (now - lastHousekeeping < 100_000_000L) {
            return;
        }
        lastHousekeeping = now;
        FileStore<?> fileStore = store.getFileStore();
        if (fileStore != null && fileStore.getChunksFillRate() < TARGET_FILL_RATE) {
            boolean rewritten = store.compact(TARGET_FILL_RATE, HOUSEKEEPING_WRITE_BYTES);
            if (Boolean.getBoolean("backrelief.mongo.stats")) {
                System.err.printf("hk: rewritten=%s size=%d fill=%d%% chunksFill=%d%%%n", rewritten, fileStore.size(),
                        fileStore.getFillRate(), fileStore.getChunksFillRate());
            }
            if (rewritten) {
                store.commit();
                store.sync();
            }
        }
    }

    long commits() {
        synchronized (this) {
            return commits;
        }
    }

    /** Commits, compacts the file if it is mostly free space, and closes it. */
    public synchronized void close() {
        if (store.isClosed()) {
            return;
        }
        FileStore<?> fileStore = store.getFileStore();
        if (Boolean.getBoolean("backrelief.mongo.stats")) {
            System.err.printf("store at close: size=%d fill=%d%% chunksFill=%d%% commits=%d%n", fileStore.size(),
                    fileStore.getFillRate(), fileStore.getChunksFillRate(), commits);
        }
        store.close(mostlyFree(store) ? -1 : 0);
    }

    /** Less than {@link #COMPACT_BELOW_FILL_RATE} % of the chunks' space holds live pages. */
    private static boolean mostlyFree(MVStore store) {
        FileStore<?> fileStore = store.getFileStore();
        return fileStore != null && fileStore.getChunksFillRate() < COMPACT_BELOW_FILL_RATE;
    }

    static boolean isWrite(String command) {
        return WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }
}
