package org.backrelief.bench.sections;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.backrelief.bench.BenchContext;
import org.backrelief.bench.api.Json;
import org.backrelief.bench.data.EventFactory;
import org.backrelief.bench.data.KafkaTools;
import org.backrelief.bench.data.QueryPlans;
import org.backrelief.bench.infra.ProcStats;
import org.backrelief.bench.infra.ResourceWindow;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.load.ClosedLoop;
import org.backrelief.bench.load.ConstantRate;
import org.backrelief.bench.load.Http;
import org.backrelief.bench.load.LatencyStats;
import org.backrelief.bench.profile.Profiles;
import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.events.Topics;
import org.backrelief.infra.BackReliefServices.Service;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Section 1 (and the data points of section 6): N session-completed events pre-loaded on the activity topic of a
 * fresh stack, then read (a) by a bare Kafka consumer, (b) written by a bare bulk-insert loop to the same MongoDB, (c)
 * consumed by the tracking service into history and statistics. Then, on the same data: history/stats query latency,
 * Kafka→history freshness at a constant rate, and the query plans.
 */
public final class IngestBench {

    public static final int PARTITIONS = 3;
    public static final String TRACKING_DATABASE = "backrelief_tracking";
    private static final int MONGO_BATCH = 500;
    /** Probe users sit at the end of every partition (the list allows intermediate checkpoints too). */
    private static final double[] CHECKPOINTS = { 1.0 };
    /** A history query is a full scan on the embedded server: probes are polled rarely, only once data looks complete. */
    private static final long PROBE_POLL_NANOS = 5_000_000_000L;
    private static final long PROGRESS_SAMPLE_MILLIS = 100;

    /** A data set: {@code users} users with {@code history} sessions each. */
    public record Point(String id, String label, int users, int history) {
        public long events() {
            return (long) users * history;
        }
    }

    /** Everything one repetition of one point measured. */
    public static final class Run {
        public Stack stack;
        public double bareKafka = Double.NaN;
        public double bareMongo = Double.NaN;
        public double trackerSteady = Double.NaN;
        public double trackerWall = Double.NaN;
        public double ratio = Double.NaN;
        public double trackerCpuMicrosPerEvent = Double.NaN;
        public double mongoCpuMicrosPerEvent = Double.NaN;
        public double trackerPeakRssMiB = Double.NaN;
        public Stack.Ready trackerReady;
        public LatencyStats historyQuery;
        public LatencyStats statsQuery;
        public ConstantRate.Result freshness;
        public final Map<String, Object> details = new LinkedHashMap<>();
    }

    private final BenchContext ctx;

    public IngestBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param keepStack leave the stack (with the tracker) running and return it in {@link Run#stack}
     * @param profile record a JFR profile of the tracker while it ingests
     * @param plans describe the tracker's collections, indexes and query plans
     */
    public Run run(Point point, int rep, boolean keepStack, boolean profile, boolean plans) {
        Run run = new Run();
        String tag = point.id() + "-rep" + rep;
        Stack stack = ctx.newStack(tag);
        boolean keep = false;
        try (KafkaTools kafka = new KafkaTools(stack.kafkaBootstrapServers()); Http http = new Http(4)) {
            kafka.createTopic(Topics.ACTIVITY, PARTITIONS);
            Dataset data = new Dataset(point, kafka.partitions(Topics.ACTIVITY));
            run.details.put("users", point.users());
            run.details.put("historyPerUser", point.history());
            run.details.put("events", data.total());

            preload(kafka, data, run);
            run.bareKafka = bareConsumer(kafka, data, tag);
            ctx.progress("[" + tag + "] (a) bare Kafka consumer: " + (long) run.bareKafka + " events/s");
            run.bareMongo = bareMongo(stack.mongoUri(), data);
            ctx.progress("[" + tag + "] (b) bare MongoDB bulk insert: " + (long) run.bareMongo + " events/s");

            trackerIngest(stack, kafka, http, data, run, profile, tag);
            run.ratio = run.trackerSteady / Math.min(run.bareKafka, run.bareMongo);
            ctx.progress(String.format("[%s] (c) tracking-service: %.0f events/s (first stored → all), %.0f events/s from ready; ratio c/min(a,b) = %.2f",
                    tag, run.trackerSteady, run.trackerWall, run.ratio));
            // printed at once: a run for the tracker's CPU alone can stop here, before the queries on the loaded data
            ctx.progress(String.format("[%s] (c) tracking-service CPU per event %.0f µs (window %s), peak RSS while ingesting %.0f MiB",
                    tag, run.trackerCpuMicrosPerEvent, run.details.get("cpuPerEventWindow"), run.trackerPeakRssMiB));

            verifyStored(stack, http, data, run);
            queries(stack, http, data, run);
            trackerFreshness(stack, kafka, http, data, run);
            if (plans) {
                run.details.put("queryPlans", QueryPlans.describe(stack.mongoUri(), TRACKING_DATABASE, data.user(0)));
                List<String> indexLog = MongoLog.indexLines(stack.logDir().resolve("mongo.log"));
                if (!indexLog.isEmpty()) {
                    run.details.put("mongoServerIndexLog", indexLog);
                }
            }
            keep = keepStack;
            if (keep) {
                run.stack = stack;
            }
            return run;
        } finally {
            if (!keep) {
                stack.close();
            }
        }
    }

    // ---- data set ------------------------------------------------------------------------------------------------

    /**
     * The events in publication order: session k of every user, then session k+1 (each user's sessions arrive in
     * time order, users interleaved), with one-event "probe" users placed at 10/50/90/100 % of every partition: when
     * the tracker shows a probe's session, everything before it on that partition has been processed.
     */
    final class Dataset {
        final Point point;
        final int partitions;
        final String[] users;
        /** position in the stream → probes inserted before that event. */
        final Map<Long, List<Probe>> probesAt = new TreeMap<>();
        final List<Probe> probes = new ArrayList<>();

        Dataset(Point point, int partitions) {
            this.point = point;
            this.partitions = partitions;
            this.users = new String[point.users()];
            for (int u = 0; u < users.length; u++) {
                users[u] = "user-" + u;
            }
            for (int c = 0; c < CHECKPOINTS.length; c++) {
                long position = Math.round(CHECKPOINTS[c] * point.events());
                for (int p = 0; p < partitions; p++) {
                    Probe probe = new Probe(probeUser(p, c), p, c, position);
                    probes.add(probe);
                    probesAt.computeIfAbsent(position, k -> new ArrayList<>()).add(probe);
                }
            }
        }

        private String probeUser(int partition, int checkpoint) {
            for (int n = 0;; n++) {
                String candidate = "probe-c" + checkpoint + "-p" + partition + "-" + n;
                if (KafkaTools.partitionFor(candidate, partitions) == partition) {
                    return candidate;
                }
            }
        }

        String user(int index) {
            return users[index];
        }

        long total() {
            return point.events() + probes.size();
        }

        void forEach(BiConsumer<String, CloudEvent<SessionCompletedV1>> sink) {
            long n = point.events();
            int u = users.length;
            for (long j = 0; j <= n; j++) {
                List<Probe> here = probesAt.get(j);
                if (here != null) {
                    for (Probe probe : here) {
                        sink.accept(probe.user, ctx.events.historic(probe.user, 0, 1));
                    }
                }
                if (j < n) {
                    String user = users[(int) (j % u)];
                    sink.accept(user, ctx.events.historic(user, (int) (j / u), point.history()));
                }
            }
        }
    }

    record Probe(String user, int partition, int checkpoint, long position) {
        String sessionId() {
            return EventFactory.sessionId(user, 0);
        }
    }

    // ---- pre-load and the two baselines ---------------------------------------------------------------------------

    private void preload(KafkaTools kafka, Dataset data, Run run) {
        long started = System.nanoTime();
        long[] bytes = { 0 };
        KafkaTools.SendTracker tracker = new KafkaTools.SendTracker();
        try (KafkaProducer<String, String> producer = kafka.bulkProducer()) {
            data.forEach((key, event) -> {
                String json = EventFactory.toJson(event);
                bytes[0] += json.length();
                tracker.send(producer, new ProducerRecord<>(Topics.ACTIVITY, key, json));
            });
            producer.flush();
        }
        tracker.check();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (tracker.acked() != data.total()) {
            throw new IllegalStateException("pre-load acknowledged " + tracker.acked() + " of " + data.total() + " events");
        }
        run.details.put("averageEventBytes", bytes[0] / data.total());
        run.details.put("preloadEventsPerSecond", Math.round(data.total() / seconds));
        ctx.progress(String.format("[%s] pre-loaded %,d events (%d bytes each on average) in %.1f s",
                data.point.id(), data.total(), bytes[0] / data.total(), seconds));
    }

    /** (a) A plain consumer reading every event as a String: the Kafka limit. Group join is not timed. */
    private double bareConsumer(KafkaTools kafka, Dataset data, String tag) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaTools.BENCH_GROUP_PREFIX + "bare-" + tag);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long total = data.total();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + total / 1000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.ACTIVITY));
            long count = 0;
            long checksum = 0;
            long first = 0;
            while (count < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bare consumer read only " + count + " of " + total + " events");
                }
                long before = System.nanoTime();
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && first == 0) {
                    first = before;
                }
                for (ConsumerRecord<String, String> record : records) {
                    checksum += record.value().length();
                    count++;
                }
            }
            double seconds = (System.nanoTime() - first) / 1e9;
            return checksum > 0 ? total / seconds : 0;
        }
    }

    /**
     * (b) The same events as documents (the CloudEvent JSON with {@code _id} = event id), bulk-inserted unordered in
     * batches of 500 into a fresh collection of the same MongoDB: the store limit. Building documents is not timed.
     */
    private double bareMongo(String mongoUri, Dataset data) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase("bench_store_limit");
            db.drop();
            MongoCollection<Document> collection = db.getCollection("events");
            InsertManyOptions unordered = new InsertManyOptions().ordered(false);
            long[] nanos = { 0 };
            List<Document> batch = new ArrayList<>(MONGO_BATCH);
            Runnable flush = () -> {
                long started = System.nanoTime();
                collection.insertMany(batch, unordered);
                nanos[0] += System.nanoTime() - started;
                batch.clear();
            };
            data.forEach((key, event) -> {
                Document document = Document.parse(EventFactory.toJson(event));
                document.put("_id", event.id());
                batch.add(document);
                if (batch.size() == MONGO_BATCH) {
                    flush.run();
                }
            });
            if (!batch.isEmpty()) {
                flush.run();
            }
            // the collection's own count: counting by a scan of 200,000 documents outlives the embedded server's H2
            // chunk retention (45 s) and fails with "Chunk not found"
            long stored = collection.estimatedDocumentCount();
            if (stored != data.total()) {
                throw new IllegalStateException("bare MongoDB loop stored " + stored + " of " + data.total());
            }
            db.drop();
            return data.total() / (nanos[0] / 1e9);
        }
    }

    // ---- (c) the tracker -----------------------------------------------------------------------------------------

    private void trackerIngest(Stack stack, KafkaTools kafka, Http http, Dataset data, Run run, boolean profile,
            String tag) {
        long total = data.total();
        run.trackerReady = stack.start(Service.TRACKING);
        long readyAt = System.nanoTime();
        long trackerPid = stack.process(Service.TRACKING).pid();
        ResourceWindow window = ResourceWindow.open(stack.pids());
        Profiles profiles = Profiles.start(profile, ctx.outDir.resolve("profiles"), "ingest-" + tag,
                stack.pidsOf(Service.TRACKING), ctx::progress);
        String tracker = stack.url(Service.TRACKING);
        List<Sample> samples = new ArrayList<>();
        Map<Probe, Long> seen = new HashMap<>();
        long nextProbePoll = 0;
        long deadline = readyAt + TimeUnit.SECONDS.toNanos(Math.max(120, total / 150));
        long doneAt = 0;
        String doneBy = null;
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            MongoDatabase db = mongo.getDatabase(TRACKING_DATABASE);
            while (doneAt == 0) {
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IllegalStateException(stalled(kafka, samples, total, seen.size(), data.probes.size()));
                }
                if (!stack.isRunning(Service.TRACKING)) {
                    throw new IllegalStateException("tracking-service exited during ingest; see " + stack.logDir());
                }
                KafkaTools.Committed committed = kafka.committedByService(Topics.ACTIVITY);
                Sample sample = new Sample(System.nanoTime() - readyAt, committed.offsets(), counts(db),
                        ProcStats.cpuSeconds(trackerPid), mongoCpu(stack));
                samples.add(sample);
                boolean looksComplete = sample.counts().values().stream().anyMatch(count -> count >= total);
                if (looksComplete && now >= nextProbePoll) {
                    // fallback for a tracker that stores everything but never commits its offsets
                    pollProbes(http, stack, tracker, data, seen, readyAt);
                    nextProbePoll = now + PROBE_POLL_NANOS;
                }
                boolean allFinal = data.probes.stream().filter(p -> p.checkpoint == CHECKPOINTS.length - 1).allMatch(seen::containsKey);
                if (committed.offsets() >= total) {
                    doneAt = System.nanoTime();
                    doneBy = "committed offsets of consumer group " + committed.group();
                } else if (allFinal) {
                    doneAt = seen.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime() - readyAt) + readyAt;
                    doneBy = "last event of every partition visible in history";
                }
                sleepMillis(PROGRESS_SAMPLE_MILLIS);
            }
            // the state once done: the per-event collection (if the tracker has one) now holds exactly N documents
            samples.add(new Sample(System.nanoTime() - readyAt, kafka.committedByService(Topics.ACTIVITY).offsets(), counts(db),
                    ProcStats.cpuSeconds(trackerPid), mongoCpu(stack)));
        } finally {
            Map<String, ResourceWindow.Usage> usage = window.usage();
            run.details.put("cpuDuringIngest", usage);
            ResourceWindow.Usage trackerUsage = usage.get(Service.TRACKING.folder);
            if (trackerUsage != null) {
                run.trackerPeakRssMiB = trackerUsage.peakRssMiB();
            }
            Map<String, Object> profileSummaries = profiles.stop();
            if (!profileSummaries.isEmpty()) {
                run.details.put("profilesDuringIngest", profileSummaries);
            }
        }
        double wallSeconds = (doneAt - readyAt) / 1e9;
        run.trackerWall = total / wallSeconds;
        String perEventCollection = perEventCollection(samples, total);
        run.trackerSteady = ingestRate(samples, seen, total, doneAt - readyAt, perEventCollection, run);
        run.details.put("trackerDoneBy", doneBy);
        run.details.put("trackerSecondsFromReady", Math.round(wallSeconds * 100) / 100.0);
        run.details.put("trackerReadyMillis", run.trackerReady.readyMillis());
        run.details.put("perEventCollection", perEventCollection);
        run.details.put("progressTimeline", timeline(samples, perEventCollection));
        run.details.put("deadLetters", kafka.recordCount(Topics.ACTIVITY_DLQ));
    }

    /** About 40 points of (seconds since ready, committed offsets, stored): how ingest went over time. */
    private static List<List<Object>> timeline(List<Sample> samples, String perEventCollection) {
        List<List<Object>> points = new ArrayList<>();
        int step = Math.max(1, samples.size() / 40);
        for (int i = 0; i < samples.size(); i += step) {
            Sample sample = samples.get(i);
            points.add(List.of(Math.round(sample.nanosFromReady() / 1e7) / 100.0, sample.committed(),
                    perEventCollection == null ? -1 : sample.counts().getOrDefault(perEventCollection, 0L)));
        }
        return points;
    }

    /** One progress reading: time since ready, committed offsets, collection counts, CPU seconds so far. */
    record Sample(long nanosFromReady, long committed, Map<String, Long> counts, double trackerCpu, double mongoCpu) {
    }

    private static double mongoCpu(Stack stack) {
        Long pid = stack.pids().get("mongodb");
        return pid == null ? Double.NaN : ProcStats.cpuSeconds(pid);
    }

    private static Map<String, Long> counts(MongoDatabase db) {
        Map<String, Long> counts = new HashMap<>();
        try {
            for (String name : db.listCollectionNames()) {
                counts.put(name, db.getCollection(name).estimatedDocumentCount());
            }
        } catch (RuntimeException e) {
            // the tracker may be creating its collections right now
        }
        return counts;
    }

    private void pollProbes(Http http, Stack stack, String tracker, Dataset data, Map<Probe, Long> seen, long readyAt) {
        for (int p = 0; p < data.partitions; p++) {
            for (int c = 0; c < CHECKPOINTS.length; c++) {
                Probe probe = data.probes.get(c * data.partitions + p);
                if (seen.containsKey(probe)) {
                    continue;
                }
                Http.Response response = http.send(Http.get(historyUrl(tracker, probe.user, 1), stack.userToken(probe.user)));
                if (response.ok() && response.body().contains(probe.sessionId())) {
                    seen.put(probe, System.nanoTime() - readyAt);
                    continue; // the next checkpoint of this partition may be visible too
                }
                break;
            }
        }
    }

    /** The collection holding one document per event: the one whose final count equals the number of events. */
    private static String perEventCollection(List<Sample> samples, long total) {
        if (samples.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Long> e : samples.get(samples.size() - 1).counts().entrySet()) {
            if (e.getValue() == total) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * CPU per stored event of the tracker and of MongoDB, charged only while events are being processed: from the
     * last sample before any event showed up as stored (so the decoding of the first batch, which happens before its
     * write, is charged too) to the first sample showing every event stored. Start-up before it and what follows it
     * are not charged: after the last write the tracker only serves this bench's history probes (first HTTP requests:
     * token verification, JIT) and commits offsets, which cost up to 1.4 s of a core per run and made the figure
     * depend on how long the probes took to see the end. The window's events are those stored inside it.
     */
    private static void cpuPerEvent(List<Sample> samples, int first, long total, String perEventCollection, Run run) {
        int start = Math.max(0, first - 1);
        int end = samples.size() - 1;
        for (int i = first; i < samples.size(); i++) {
            if (progressAt(samples, i, total, perEventCollection) >= total) {
                end = i;
                break;
            }
        }
        Sample from = samples.get(start);
        Sample to = samples.get(end);
        long events = progressAt(samples, end, total, perEventCollection) - progressAt(samples, start, total, perEventCollection);
        if (events < 0.1 * total || events <= 0) {
            run.details.put("cpuPerEventNote", "not resolved: nearly all events were stored before the first sample");
            return;
        }
        run.trackerCpuMicrosPerEvent = (to.trackerCpu() - from.trackerCpu()) * 1e6 / events;
        run.mongoCpuMicrosPerEvent = (to.mongoCpu() - from.mongoCpu()) * 1e6 / events;
        run.details.put("cpuPerEventWindow", Map.of("fromSecondsAfterReady", Math.round(from.nanosFromReady() / 1e7) / 100.0,
                "toSecondsAfterReady", Math.round(to.nanosFromReady() / 1e7) / 100.0, "events", events,
                "trackerCpuSeconds", Math.round((to.trackerCpu() - from.trackerCpu()) * 100) / 100.0));
    }

    /** Events known stored at sample {@code index}: committed offsets, or the per-event collection's count. */
    private static long progressAt(List<Sample> samples, int index, long total, String perEventCollection) {
        if (samples.isEmpty()) {
            return 0;
        }
        Sample sample = samples.get(Math.min(index, samples.size() - 1));
        long stored = sample.committed();
        if (perEventCollection != null) {
            stored = Math.max(stored, sample.counts().getOrDefault(perEventCollection, 0L));
        }
        return Math.min(stored, total);
    }

    /**
     * The tracker's ingest rate: events stored from the first sample that shows progress until all are stored
     * (start-up and the consumer group join are not counted, nor the events already stored at that first sample).
     * Progress is the per-event collection's count when the tracker has one (exact, every 100 ms), else the committed
     * offsets. With at least two seconds between 10 % and 90 %, the steady 10–90 % rate is reported too.
     */
    private double ingestRate(List<Sample> samples, Map<Probe, Long> seen, long total, long doneNanos,
            String perEventCollection, Run run) {
        int first = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (progressAt(samples, i, total, perEventCollection) > 0) {
                first = i;
                break;
            }
        }
        Long firstProbe = seen.values().stream().min(Long::compare).orElse(null);
        long startNanos;
        long storedAtStart;
        if (first >= 0 && (firstProbe == null || samples.get(first).nanosFromReady() <= firstProbe)) {
            startNanos = samples.get(first).nanosFromReady();
            storedAtStart = progressAt(samples, first, total, perEventCollection);
            run.details.put("ingestRateSource", perEventCollection != null ? "count of " + perEventCollection
                    : "committed offsets of the tracker's consumer group");
        } else if (firstProbe != null) {
            startNanos = firstProbe;
            storedAtStart = 0;
            run.details.put("ingestRateSource", "first probe visible (no per-event collection, no committed offsets)");
        } else {
            run.details.put("ingestRateSource", "from ready (no progress was observable)");
            return run.trackerWall;
        }
        run.details.put("firstStoredSecondsAfterReady", Math.round(startNanos / 1e7) / 100.0);
        Long t10 = null;
        Long t90 = null;
        for (int i = 0; i < samples.size(); i++) {
            long stored = progressAt(samples, i, total, perEventCollection);
            if (t10 == null && stored >= 0.1 * total) {
                t10 = samples.get(i).nanosFromReady();
            }
            if (t90 == null && stored >= 0.9 * total) {
                t90 = samples.get(i).nanosFromReady();
            }
        }
        if (t10 != null && t90 != null && t90 - t10 >= 2_000_000_000L) {
            run.details.put("steadyRate10to90", Math.round(0.8 * total / ((t90 - t10) / 1e9)));
        }
        long events = total - storedAtStart;
        // the end: the first sample with everything stored (the committed offsets trail by the commit interval)
        long endNanos = doneNanos;
        for (Sample sample : samples) {
            if (perEventCollection != null && sample.counts().getOrDefault(perEventCollection, 0L) >= total) {
                endNanos = Math.min(endNanos, sample.nanosFromReady());
                break;
            }
        }
        double seconds = (endNanos - startNanos) / 1e9;
        cpuPerEvent(samples, first >= 0 ? first : 0, total, perEventCollection, run);
        if (events < 0.5 * total || seconds <= 0) {
            run.details.put("ingestRateSource", "from ready: most events were stored before the first sample");
            return run.trackerWall;
        }
        return events / seconds;
    }


    private String stalled(KafkaTools kafka, List<Sample> samples, long total, int probesSeen, int probes) {
        Sample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        return "tracking-service did not store all " + total + " events in time: committed offsets "
                + (last == null ? 0 : last.committed()) + ", collection counts " + (last == null ? "{}" : last.counts())
                + ", probes visible " + probesSeen + "/" + probes + ", dead letters " + kafka.recordCount(Topics.ACTIVITY_DLQ);
    }

    /** Checks a sample of users: each has exactly its pre-loaded number of sessions in history. */
    private void verifyStored(Stack stack, Http http, Dataset data, Run run) {
        String tracker = stack.url(Service.TRACKING);
        int checked = 0;
        int exact = 0;
        List<String> mismatches = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < Math.min(10, data.users.length); i++) {
            String user = data.user(random.nextInt(data.users.length));
            Http.Response response = http.send(Http.get(historyUrl(tracker, user, 1), stack.userToken(user)));
            long total = Json.pageTotal(response.body());
            checked++;
            if (total == data.point.history()) {
                exact++;
            } else {
                mismatches.add(user + ": HTTP " + response.status() + " total=" + total);
            }
        }
        run.details.put("verifiedUsers", exact + "/" + checked + " sampled users have exactly " + data.point.history()
                + " sessions in history" + (mismatches.isEmpty() ? "" : "; " + mismatches));
    }

    // ---- on the loaded data: query latency, freshness -------------------------------------------------------------

    private void queries(Stack stack, Http http, Dataset data, Run run) {
        String tracker = stack.url(Service.TRACKING);
        int users = data.users.length;
        run.historyQuery = ClosedLoop.run(http, ctx.config.queryConcurrency, ctx.config.loadWarmUp, ctx.config.queryDuration,
                (client, n) -> {
                    String user = data.user((int) ((client * 7919L + n * 104729L) % users));
                    return Http.get(historyUrl(tracker, user, 20), stack.userToken(user));
                });
        run.statsQuery = ClosedLoop.run(http, ctx.config.queryConcurrency, ctx.config.loadWarmUp, ctx.config.queryDuration,
                (client, n) -> {
                    String user = data.user((int) ((client * 7919L + n * 104729L) % users));
                    return Http.get(tracker + "/api/v1/users/" + encode(user) + "/stats", stack.userToken(user));
                });
        run.details.put("historyPageQuery", run.historyQuery.toMap());
        run.details.put("statsQuery", run.statsQuery.toMap());
    }

    /** Kafka → tracker → history API freshness at the section-2 rate, for users that already have their history. */
    private void trackerFreshness(Stack stack, KafkaTools kafka, Http http, Dataset data, Run run) {
        String tracker = stack.url(Service.TRACKING);
        int rate = ctx.config.freshnessRate;
        int users = data.users.length;
        int history = data.point.history();
        try (KafkaProducer<String, String> producer = kafka.eventProducer(); Http pollers = new Http(8)) {
            run.freshness = ConstantRate.run(rate, ctx.config.freshnessWarmUp, ctx.config.trackerFreshnessDuration,
                    ConstantRate.workersFor(rate), ConstantRate.Polling.DEFAULT, new ConstantRate.Probe() {
                        @Override
                        public boolean send(long i) throws Exception {
                            String user = data.user((int) (i % users));
                            CloudEvent<SessionCompletedV1> event = ctx.events.now(user, history + (int) (i / users));
                            producer.send(new ProducerRecord<>(Topics.ACTIVITY, user, EventFactory.toJson(event)))
                                    .get(30, TimeUnit.SECONDS);
                            return true;
                        }

                        @Override
                        public boolean visible(long i) {
                            String user = data.user((int) (i % users));
                            String sessionId = EventFactory.sessionId(user, history + (int) (i / users));
                            Http.Response response = pollers.send(Http.get(historyUrl(tracker, user, 3), stack.userToken(user)));
                            return response.ok() && response.body().contains(sessionId);
                        }
                    });
        }
        Map<String, Object> freshness = new LinkedHashMap<>();
        freshness.put("ratePerSecond", rate);
        freshness.put("published", run.freshness.accepted().toMap());
        freshness.put("visibleInHistory", run.freshness.visible().toMap());
        freshness.put("sent", run.freshness.sent());
        freshness.put("neverVisible", run.freshness.neverVisible());
        freshness.put("notSent", run.freshness.notSent());
        freshness.put("achievedRatePerSecond", Math.round(run.freshness.achievedRatePerSecond()));
        freshness.put("maxSendLagMs", Math.round(run.freshness.maxSendLagMs()));
        freshness.put("polls", run.freshness.polls());
        if (run.freshness.firstError() != null) {
            freshness.put("firstError", run.freshness.firstError());
        }
        run.details.put("kafkaToHistoryFreshness", freshness);
    }

    static String historyUrl(String base, String user, int size) {
        return base + "/api/v1/users/" + encode(user) + "/history?page=0&size=" + size;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The MongoDB server's log lines about indexes (mongo-java-server says which indexes it ignores). */
    static final class MongoLog {
        static List<String> indexLines(Path log) {
            try {
                return java.nio.file.Files.readAllLines(log).stream().filter(line -> line.contains("index"))
                        .map(line -> line.length() > 300 ? line.substring(0, 300) : line).distinct().limit(30).toList();
            } catch (java.io.IOException e) {
                return List.of();
            }
        }
    }
}
