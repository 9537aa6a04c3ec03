package org.backrelief.bench.sections;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.backrelief.bench.BenchContext;
import org.backrelief.bench.api.PlannerApi;
import org.backrelief.bench.infra.NginxProxy;
import org.backrelief.bench.infra.ResourceWindow;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.load.ClosedLoop;
import org.backrelief.bench.load.ConstantRate;
import org.backrelief.bench.load.Http;
import org.backrelief.bench.load.LatencyStats;
import org.backrelief.bench.load.PairedRounds;
import org.backrelief.bench.profile.Profiles;
import org.backrelief.bench.report.Metric;
import org.backrelief.bench.report.Section;
import org.backrelief.bench.report.Target;
import org.backrelief.infra.BackReliefServices.Service;
import org.backrelief.infra.ServiceProcess;

/**
 * Section 3: the same requests sent directly to the service, through nginx as a plain keep-alive reverse proxy (the
 * baseline a standard proxy sets; skipped, and said so, when nginx is not installed) and through the gateway, at the
 * same concurrency, one after the other (the order is shuffled per repetition, {@link #orderFor}, so that drift does
 * not favour one side and no side always follows the same neighbour).
 * A second gateway with SmallRye Fault Tolerance's {@code TypedGuard} instead of the hand-written guard
 * ({@code backrelief.backend.guard.implementation=smallrye}) is measured in the same repetitions, so the two guards are
 * compared on the same relay, data and machine state.
 * <p>
 * The closed loop saturates the 2 cores, so its added p99 is mostly queueing for CPU. Each repetition therefore also
 * sends the same requests to every side at one constant rate, {@link #OPEN_LOOP_SHARE} of the slowest side's
 * closed-loop throughput (wrk2-style, latency from the intended send time): below saturation, the added p99 is meant to
 * measure the hop itself. That pass sends to all sides in the same window,
 * the requests dealt to them in turn: a p99 rests on the slowest 1 % of requests, and a stall of the whole machine
 * (another process, a collection in the load generator) in one side's window alone made that side's p99 tens of
 * milliseconds in one repetition and not in the next; in one window it falls on every side alike.
 * <p>
 * Even in one window, a p99 minus a p99 rests on each side's own slowest 1 %: the same nginx measured twice differed by
 * factors from −83 to 10 in added p99 over four runs on a 2-core machine. So a third pass sends requests in pairs, directly and through
 * one proxy at once, the proxies in turn ({@link PairedRounds}), and takes the p99 of what each proxy added to the
 * direct request of its own pair: a stall falls on both members of a pair and cancels out. Its control stayed within
 * 0.74–1.28 in every repetition of three runs on the same machine, so its "added p99 ≤ 1.5 × nginx's" is the verdict this
 * machine resolves below saturation; the other two passes keep the same target, with their controls and notes (the
 * closed loop's is the figure at saturation).
 */
public final class GatewayOverheadBench {

    public static final double THROUGHPUT_RATIO_TARGET = 0.85;
    public static final double ADDED_P99_TARGET_MS = 5;
    /** The gateway against a standard reverse proxy on the same hop (issue 12). */
    public static final double NGINX_THROUGHPUT_RATIO_TARGET = 0.80;
    public static final double NGINX_ADDED_P99_RATIO_TARGET = 1.5;
    /** The control's metrics: the same nginx measured twice, by throughput and by added p99. */
    static final String CONTROL_THROUGHPUT = ".control.nginxRatio";
    static final String CONTROL_ADDED_P99 = ".control.addedP99VsNginx";
    /** The constant rate of the open-loop pass, as a share of the slowest side's closed-loop throughput. */
    static final double OPEN_LOOP_SHARE = 0.5;
    /**
     * The request rate of the paired pass, as a share of the slowest side's closed-loop throughput: lower than
     * {@link #OPEN_LOOP_SHARE}, as each round sends its two requests at once.
     */
    static final double PAIRED_SHARE = 0.25;
    /**
     * Senders for each member of a pair: a few hundred rounds per second at a few ms each keep a handful busy; the
     * rest cover a stall of up to ~100 ms without sending late (a late send is counted, {@link PairedRounds}).
     */
    private static final int PAIRED_WORKERS_PER_SIDE = 64;
    /** The sides of the paired pass: the gateway's TypedGuard twin is compared by throughput only. */
    private static final List<Side> PAIRED_SIDES = List.of(Side.DIRECT, Side.NGINX, Side.GATEWAY, Side.NGINX_AGAIN);
    /** Enough senders for the open-loop rates here (≤ a few thousand per second at a few ms each). */
    private static final int OPEN_LOOP_WORKERS = 64;

    /** The guard the second gateway runs with (the stack's own gateway runs with the default). */
    static final Map<String, String> LIBRARY_GUARD = Map.of("BACKRELIEF_BACKEND_GUARD_IMPLEMENTATION", "smallrye");

    private final BenchContext ctx;
    private String gatewayUrl;
    private String libraryGatewayUrl;

    public GatewayOverheadBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /** One request type: how to build it for the service, for nginx (same path as direct) and for the gateway. */
    private record Kind(String id, String label, Service service, ClosedLoop.Requests direct,
            ClosedLoop.Requests viaNginx, Function<String, ClosedLoop.Requests> viaGateway) {
    }

    private enum Side {
        DIRECT, NGINX, GATEWAY, GATEWAY_LIBRARY_GUARD,
        /**
         * The same nginx and the same requests as {@link #NGINX}, measured a second time in the same repetitions: its
         * ratio to {@link #NGINX} would be 1 if a measurement were exact, so its spread is the measurement's own, the
         * control for every gateway/nginx ratio of the run.
         */
        NGINX_AGAIN
    }

    /**
     * @param historyUsers users that have history in the tracker (the ingest section's users)
     */
    public void run(Stack stack, Section section, String[] historyUsers) {
        String catalog = stack.url(Service.CATALOG);
        String planner = stack.url(Service.PLANNER);
        String tracker = stack.url(Service.TRACKING);
        Optional<Path> nginxBinary = NginxProxy.find();
        if (nginxBinary.isEmpty()) {
            section.note("nginx is not installed (apt-get install nginx-light, or BACKRELIEF_NGINX=/path/to/nginx): "
                    + "the reverse-proxy baseline was not measured");
            ctx.progress("[gateway] nginx not found: measuring direct and gateway only");
            run(stack, section, historyUsers, null);
            return;
        }
        Map<String, String> upstreams = new LinkedHashMap<>();
        upstreams.put("/api/v1/exercises", catalog);
        upstreams.put("/api/v1/phases", catalog);
        upstreams.put("/api/v1/routines/", planner);
        upstreams.put("/api/v1/users/", tracker);
        NginxProxy started;
        try {
            started = NginxProxy.start(nginxBinary.get(), ctx.workDir.resolve(stack.tag()), upstreams);
        } catch (RuntimeException e) {
            // the baseline is a comparison, not the section: without it, direct and gateway are still measured
            section.note("nginx (" + nginxBinary.get() + ") did not start, the reverse-proxy baseline was not measured: "
                    + e.getMessage());
            run(stack, section, historyUsers, null);
            return;
        }
        try (NginxProxy nginx = started) {
            section.detail("nginx", nginx.version() + " (" + nginxBinary.get() + "), keep-alive upstreams, "
                    + "worker_processes auto, access log off");
            ctx.progress("[gateway] nginx " + nginx.version() + " proxying on " + nginx.url());
            run(stack, section, historyUsers, nginx);
        }
    }

    private void run(Stack stack, Section section, String[] historyUsers, NginxProxy nginx) {
        gatewayUrl = stack.url(Service.GATEWAY);
        ServiceProcess libraryGateway = null;
        try {
            libraryGateway = stack.startExtra(Service.GATEWAY, "gateway-typedguard", LIBRARY_GUARD);
            libraryGatewayUrl = libraryGateway.baseUrl();
            section.detail("gatewayLibraryGuard", "a second gateway with " + LIBRARY_GUARD
                    + " (SmallRye Fault Tolerance TypedGuard), measured in the same repetitions");
        } catch (RuntimeException e) {
            section.note("the gateway with the TypedGuard did not start, only the hand-written guard was measured: "
                    + e.getMessage());
        }
        try {
            measure(stack, section, historyUsers, nginx, libraryGateway);
        } finally {
            if (libraryGateway != null) {
                // not needed by later sections: its memory and threads go now
                libraryGateway.close();
            }
        }
    }

    private void measure(Stack stack, Section section, String[] historyUsers, NginxProxy nginx,
            ServiceProcess libraryGateway) {
        String catalog = stack.url(Service.CATALOG);
        String planner = stack.url(Service.PLANNER);
        String tracker = stack.url(Service.TRACKING);
        String proxy = nginx == null ? null : nginx.url();
        int users = historyUsers.length;
        Kind[] kinds = {
                new Kind("catalogList", "catalog list (20 per page)", Service.CATALOG,
                        (c, n) -> Http.get(catalog + "/api/v1/exercises?page=0&size=20", null),
                        (c, n) -> Http.get(proxy + "/api/v1/exercises?page=0&size=20", null),
                        gateway -> (c, n) -> Http.get(gateway + "/api/v1/exercises?page=0&size=20", null)),
                new Kind("routinePreview", "routine preview", Service.PLANNER,
                        (c, n) -> Http.post(planner + PlannerApi.PREVIEW, null, PlannerApi.previewJson((int) ((c * 31 + n) % 420))),
                        (c, n) -> Http.post(proxy + PlannerApi.PREVIEW, null, PlannerApi.previewJson((int) ((c * 31 + n) % 420))),
                        gateway -> (c, n) -> Http.post(gateway + PlannerApi.PREVIEW, null, PlannerApi.previewJson((int) ((c * 31 + n) % 420)))),
                new Kind("historyPage", "history page (20 per page)", Service.TRACKING,
                        (c, n) -> history(stack, tracker + "/api/v1/users/", historyUsers[(int) ((c * 7919L + n) % users)], true),
                        (c, n) -> history(stack, proxy + "/api/v1/users/", historyUsers[(int) ((c * 7919L + n) % users)], true),
                        gateway -> (c, n) -> history(stack, gateway + "/api/v1/me/history", historyUsers[(int) ((c * 7919L + n) % users)], false)) };
        List<Side> sides = new java.util.ArrayList<>(List.of(Side.DIRECT));
        if (nginx != null) {
            sides.add(Side.NGINX);
        }
        sides.add(Side.GATEWAY);
        if (libraryGateway != null) {
            sides.add(Side.GATEWAY_LIBRARY_GUARD);
        }
        if (nginx != null) {
            sides.add(Side.NGINX_AGAIN);
        }
        int concurrency = ctx.config.gatewayConcurrency;
        section.detail("concurrency", concurrency);
        // every path of every request hot before anything is measured; the gateways (full tiered JIT) until C2 has
        // compiled their relay, so that what is measured is their steady speed
        section.detail("gatewayJitWarmUpSecondsPerRequestType", ctx.config.gatewayJitWarmUp.toMillis() / 1000.0);
        try (Http http = new Http(4)) {
            for (Kind kind : kinds) {
                for (Side side : sides) {
                    Duration warmUp = side == Side.GATEWAY || side == Side.GATEWAY_LIBRARY_GUARD
                            ? ctx.config.gatewayJitWarmUp : ctx.config.loadWarmUp;
                    ClosedLoop.run(http, concurrency, warmUp, Duration.ZERO, requests(kind, side));
                }
            }
        }
        for (int rep = 1; rep <= ctx.config.reps; rep++) {
            for (Kind kind : kinds) {
                try (Http http = new Http(4)) {
                    Map<Side, LatencyStats> measured = new EnumMap<>(Side.class);
                    for (Side side : orderFor(sides, rep)) {
                        ClosedLoop.Requests requests = requests(kind, side);
                        ClosedLoop.run(http, concurrency, ctx.config.loadWarmUp, Duration.ZERO, requests);
                        Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
                        if (side == Side.NGINX || side == Side.NGINX_AGAIN) {
                            pids.putAll(nginx.pids());
                        }
                        if (side == Side.GATEWAY_LIBRARY_GUARD) {
                            pids.put("gateway-typedguard", libraryGateway.pid());
                        }
                        ResourceWindow cpu = ResourceWindow.open(pids);
                        LatencyStats stats = ClosedLoop.run(http, concurrency, Duration.ZERO, ctx.config.loadDuration, requests);
                        section.detail("cpuMillisPerRequest." + kind.id() + "." + sideName(side),
                                cpu.cpuMillisPer(stats.count() + stats.errors()));
                        measured.put(side, stats);
                    }
                    record(section, kind, measured, rep);
                    recordOpenLoop(section, kind, openLoop(http, kind, sides, measured, rep), rep);
                    recordPaired(section, kind, paired(http, kind, sides, measured), rep);
                    if (ctx.config.profile && rep == 1) {
                        profile(stack, section, http, kind);
                    }
                }
            }
        }
        for (Kind kind : kinds) {
            section.find(kind.id() + CONTROL_THROUGHPUT)
                    .flatMap(control -> unresolved(control, 1 / NGINX_THROUGHPUT_RATIO_TARGET))
                    .ifPresent(section::note);
            for (String id : List.of(kind.id(), kind.id() + ".open", kind.id() + ".paired")) {
                section.find(id + CONTROL_ADDED_P99)
                        .flatMap(control -> unresolved(control, NGINX_ADDED_P99_RATIO_TARGET))
                        .ifPresent(section::note);
            }
        }
    }

    /**
     * The sides' order in one repetition, shuffled with the repetition as seed: a rotation only moves the start, so
     * each side would always follow the same neighbour (the control, last in the list, always after a gateway JVM
     * and the first nginx always after the direct side), and what a neighbour leaves behind would differ between the
     * two nginx sides in every repetition.
     */
    static <T> List<T> orderFor(List<T> sides, int rep) {
        List<T> order = new java.util.ArrayList<>(sides);
        Collections.shuffle(order, new Random(rep));
        return order;
    }

    /**
     * Says so when the control (the same nginx measured twice) strays further from 1 than the target allows: a run
     * whose identical sides differ by more than 1.5× cannot tell a gateway that adds 1.5× what nginx adds from one
     * that adds as much, so the ratio's PASS or MISS in that run says nothing.
     */
    static Optional<String> unresolved(Metric control, double target) {
        if (control.min() == null) {
            return Optional.empty();
        }
        if (control.min() >= 1 / target && control.max() <= target) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%s: %.2f to %.2f, outside %.2f to %.2f: this run cannot resolve the gateway/nginx ratio beside it, "
                        + "its PASS or MISS is noise (the machine's own stalls, not the proxies)",
                control.label(), control.min(), control.max(), 1 / target, target));
    }

    /** The constant-rate pass of one request type: the rate and what each side measured at it. */
    private record OpenLoop(int rate, Map<Side, LatencyStats> measured) {
    }

    /**
     * Every side at once, at one constant rate below the slowest side's capacity: the requests are dealt to the sides
     * in turn (in this repetition's order), so each side gets an equal share of the rate over a window as long as all
     * the sides' closed-loop windows together, and as many samples as a window of its own at the whole rate would give.
     */
    private OpenLoop openLoop(Http http, Kind kind, List<Side> sides, Map<Side, LatencyStats> closed, int rep) {
        double slowest = closed.values().stream().mapToDouble(LatencyStats::throughput).min().orElse(0);
        int rate = (int) Math.max(10, Math.round(slowest * OPEN_LOOP_SHARE));
        int lanes = sides.size();
        List<ClosedLoop.Requests> requests = new java.util.ArrayList<>();
        List<Side> order = orderFor(sides, rep);
        for (Side side : order) {
            requests.add(requests(kind, side));
        }
        AtomicInteger clients = new AtomicInteger();
        ThreadLocal<Integer> client = ThreadLocal.withInitial(clients::getAndIncrement);
        ConstantRate.Result result = ConstantRate.run(rate, Duration.ofSeconds(1), ctx.config.loadDuration.multipliedBy(lanes),
                OPEN_LOOP_WORKERS, lanes, ConstantRate.Polling.DEFAULT, new ConstantRate.Probe() {
                    @Override
                    public boolean send(long i) {
                        // each side sees the same sequence of requests (users, routines) a window of its own would send
                        return http.send(requests.get((int) (i % lanes)).next(client.get(), i / lanes)).ok();
                    }

                    @Override
                    public boolean visible(long i) {
                        return true; // the answer is the effect
                    }
                });
        Map<Side, LatencyStats> measured = new EnumMap<>(Side.class);
        for (int lane = 0; lane < lanes; lane++) {
            measured.put(order.get(lane), result.acceptedByLane().get(lane));
        }
        return new OpenLoop(rate, measured);
    }

    private void recordOpenLoop(Section section, Kind kind, OpenLoop open, int rep) {
        String id = kind.id() + ".open";
        // the rate differs per repetition: the label names how it is chosen, the details and progress give each one
        String label = kind.label() + " at a constant rate";
        section.metric(id + ".rate", kind.label() + ": constant rate (" + Math.round(OPEN_LOOP_SHARE * 100)
                + " % of the slowest side, shared by all sides in one window)", "req/s").add(open.rate());
        recordP99(section, id, label, open.measured());
        noteErrors(section, label, open.measured());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rep", rep);
        detail.put("ratePerSecond", open.rate());
        open.measured().forEach((side, stats) -> detail.put(sideName(side), stats.toMap()));
        section.detailList(id).add(detail);
        LatencyStats nginx = open.measured().get(Side.NGINX);
        LatencyStats nginxAgain = open.measured().get(Side.NGINX_AGAIN);
        ctx.progress(String.format("[gateway] rep %d %s at a constant %d req/s shared by the sides: p99 direct %.2f ms,"
                + "%s via gateway %.2f ms%s", rep, kind.label(), open.rate(), open.measured().get(Side.DIRECT).p99(),
                nginx == null ? "" : String.format(" via nginx %.2f ms,", nginx.p99()),
                open.measured().get(Side.GATEWAY).p99(),
                nginxAgain == null ? "" : String.format(", via nginx again (control) %.2f ms", nginxAgain.p99())));
    }

    /** The paired pass of one request type: the rate in rounds per second, and what each side added in them. */
    private record Paired(int roundsPerSecond, List<Side> sides, PairedRounds.Result result) {

        double addedP99(Side side) {
            int lane = sides.indexOf(side);
            return lane < 0 ? Double.NaN : result.added(lane, 99);
        }
    }

    /**
     * Every proxy in pairs with the service itself: at each round's intended time one request directly and the same
     * request through one proxy (the proxies in turn), at once, so each proxy's added latency is measured against the
     * direct request of the same round, and a stall of the machine cancels out ({@link PairedRounds}).
     */
    private Paired paired(Http http, Kind kind, List<Side> sides, Map<Side, LatencyStats> closed) {
        List<Side> paired = PAIRED_SIDES.stream().filter(sides::contains).toList();
        double slowest = paired.stream().mapToDouble(side -> closed.get(side).throughput()).min().orElse(0);
        int rounds = (int) Math.max(10, Math.round(slowest * PAIRED_SHARE / 2));
        List<ClosedLoop.Requests> requests = paired.stream().map(side -> requests(kind, side)).toList();
        PairedRounds.Result result = PairedRounds.run(rounds, Duration.ofSeconds(1),
                ctx.config.loadDuration.multipliedBy(paired.size()), paired.size(), PAIRED_WORKERS_PER_SIDE,
                // every side gets the same request in a round (client 0, item = round)
                (lane, round) -> http.send(requests.get(lane).next(0, round)).ok());
        return new Paired(rounds, paired, result);
    }

    private void recordPaired(Section section, Kind kind, Paired paired, int rep) {
        String id = kind.id() + ".paired";
        String label = kind.label() + " in paired rounds";
        PairedRounds.Result result = paired.result();
        section.metric(id + ".rate", kind.label() + ": paired rounds (direct and one proxy at once, the proxies in "
                + "turn; two requests each, " + Math.round(PAIRED_SHARE * 100)
                + " % of the slowest side's closed-loop requests per second)", "rounds/s")
                .add(paired.roundsPerSecond());
        double gateway = paired.addedP99(Side.GATEWAY);
        section.metric(id + ".gateway.addedP99", label + ": p99 of what the gateway adds", "ms",
                Target.atMost(ADDED_P99_TARGET_MS)).add(gateway);
        double nginx = paired.addedP99(Side.NGINX);
        double nginxAgain = paired.addedP99(Side.NGINX_AGAIN);
        if (!Double.isNaN(nginx)) {
            section.metric(id + ".nginx.addedP99", label + ": p99 of what nginx adds", "ms").add(nginx);
            section.metric(id + ".addedP99VsNginx", label + ": added p99 gateway/nginx", "",
                    Target.atMost(NGINX_ADDED_P99_RATIO_TARGET)).add(addedRatio(gateway, nginx));
        }
        if (!Double.isNaN(nginxAgain)) {
            section.metric(id + CONTROL_ADDED_P99, label + ": added p99 nginx/nginx (control: 1 if exact)", "")
                    .add(addedRatio(nginxAgain, nginx));
        }
        long incomplete = result.rounds() - result.completeRounds();
        if (incomplete > 0) {
            section.note(label + ": " + incomplete + " of " + result.rounds() + " rounds had a failed or unsent request "
                    + "and were left out (first error: " + result.firstError() + ")");
        }
        if (result.skewedRounds() * 100 > result.completeRounds()) {
            section.note(String.format(Locale.ROOT, "%s, rep %d: %d of %d rounds sent their two requests more than "
                    + "%d ms apart: the load generator, not only the proxies, shaped those differences", label, rep,
                    result.skewedRounds(), result.completeRounds(), PairedRounds.SKEW_NANOS / 1_000_000));
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rep", rep);
        detail.put("roundsPerSecond", paired.roundsPerSecond());
        detail.put("completeRounds", result.completeRounds());
        detail.put("roundsSentMoreThan1MsApart", result.skewedRounds());
        for (int lane = 1; lane < paired.sides().size(); lane++) {
            Map<String, Object> added = new LinkedHashMap<>();
            for (double percentile : new double[] { 50, 90, 99, 99.9 }) {
                added.put("p" + (percentile == 99.9 ? "999" : String.valueOf((int) percentile)) + "Ms",
                        LatencyStats.round(result.added(lane, percentile)));
            }
            detail.put(sideName(paired.sides().get(lane)) + "Added", added);
        }
        section.detailList(id).add(detail);
        ctx.progress(String.format(Locale.ROOT, "[gateway] rep %d %s in %d paired rounds/s: p99 added by nginx %.2f ms,"
                + " by the gateway %.2f ms, by nginx again (control) %.2f ms", rep, kind.label(),
                paired.roundsPerSecond(), nginx, gateway, nginxAgain));
    }

    /** p99 of each side, what the gateway adds to the direct p99, and (with nginx) against what nginx adds. */
    private static void recordP99(Section section, String id, String label, Map<Side, LatencyStats> measured) {
        LatencyStats direct = measured.get(Side.DIRECT);
        LatencyStats through = measured.get(Side.GATEWAY);
        LatencyStats nginx = measured.get(Side.NGINX);
        section.metric(id + ".direct.p99", label + ": direct p99", "ms").add(direct.p99());
        if (nginx != null) {
            section.metric(id + ".nginx.p99", label + ": via nginx p99", "ms").add(nginx.p99());
        }
        section.metric(id + ".gateway.p99", label + ": via gateway p99", "ms").add(through.p99());
        section.metric(id + ".addedP99", label + ": added p99", "ms", Target.atMost(ADDED_P99_TARGET_MS))
                .add(through.p99() - direct.p99());
        if (nginx != null) {
            double nginxAdded = nginx.p99() - direct.p99();
            section.metric(id + ".nginx.addedP99", label + ": nginx added p99", "ms").add(nginxAdded);
            section.metric(id + ".addedP99VsNginx", label + ": added p99 gateway/nginx", "",
                    Target.atMost(NGINX_ADDED_P99_RATIO_TARGET)).add(addedRatio(through, nginx, direct));
        }
        LatencyStats nginxAgain = measured.get(Side.NGINX_AGAIN);
        if (nginxAgain != null) {
            section.metric(id + CONTROL_ADDED_P99, label + ": added p99 nginx/nginx (control: 1 if exact)", "")
                    .add(addedRatio(nginxAgain, nginx, direct));
        }
    }

    /** What {@code proxy} adds to the direct p99 against what {@code baseline} adds, floored at 0.1 ms. */
    static double addedRatio(LatencyStats proxy, LatencyStats baseline, LatencyStats direct) {
        return addedRatio(proxy.p99() - direct.p99(), baseline.p99() - direct.p99());
    }

    /** One added p99 against another, in ms, the baseline floored at 0.1 ms. */
    static double addedRatio(double proxyAddedMs, double baselineAddedMs) {
        // a proxy that adds (almost) nothing makes the ratio meaningless: floor the baseline's added p99 at 0.1 ms
        return proxyAddedMs / Math.max(0.1, baselineAddedMs);
    }

    private static void noteErrors(Section section, String label, Map<Side, LatencyStats> measured) {
        long errors = measured.values().stream().mapToLong(LatencyStats::errors).sum();
        if (errors > 0) {
            StringBuilder note = new StringBuilder(label).append(": errors");
            measured.forEach((side, stats) -> note.append(' ').append(sideName(side)).append(' ').append(stats.errors())
                    .append(stats.errors() > 0 ? " (" + stats.firstError() + ")" : ""));
            section.note(note.toString());
        }
    }

    private ClosedLoop.Requests requests(Kind kind, Side side) {
        return switch (side) {
            case DIRECT -> kind.direct();
            case NGINX, NGINX_AGAIN -> kind.viaNginx();
            case GATEWAY -> kind.viaGateway().apply(gatewayUrl);
            case GATEWAY_LIBRARY_GUARD -> kind.viaGateway().apply(libraryGatewayUrl);
        };
    }

    private static String sideName(Side side) {
        return switch (side) {
            case DIRECT -> "direct";
            case NGINX -> "viaNginx";
            case GATEWAY -> "viaGateway";
            case GATEWAY_LIBRARY_GUARD -> "viaGatewayTypedGuard";
            case NGINX_AGAIN -> "viaNginxAgain";
        };
    }

    /** An extra, unmeasured pass through the gateway under JFR: profiling never slows a measured side down. */
    private void profile(Stack stack, Section section, Http http, Kind kind) {
        Profiles profiles = Profiles.start(true, ctx.outDir.resolve("profiles"), kind.id() + "-via-gateway",
                stack.pidsOf(Service.GATEWAY, kind.service()), ctx::progress);
        ClosedLoop.run(http, ctx.config.gatewayConcurrency, Duration.ZERO, ctx.config.loadDuration, requests(kind, Side.GATEWAY));
        Map<String, Object> summaries = profiles.stop();
        if (!summaries.isEmpty()) {
            section.detail("profilesViaGateway." + kind.id(), summaries);
        }
    }

    private static HttpRequest history(Stack stack, String base, String user, boolean direct) {
        String url = direct ? base + user + "/history?page=0&size=20" : base + "?page=0&size=20";
        return Http.get(url, stack.userToken(user));
    }

    private void record(Section section, Kind kind, Map<Side, LatencyStats> measured, int rep) {
        String id = kind.id();
        LatencyStats direct = measured.get(Side.DIRECT);
        LatencyStats through = measured.get(Side.GATEWAY);
        LatencyStats nginx = measured.get(Side.NGINX);
        section.metric(id + ".direct.throughput", kind.label() + ": direct throughput", "req/s").add(direct.throughput());
        if (nginx != null) {
            section.metric(id + ".nginx.throughput", kind.label() + ": via nginx throughput", "req/s").add(nginx.throughput());
        }
        section.metric(id + ".gateway.throughput", kind.label() + ": via gateway throughput", "req/s").add(through.throughput());
        section.metric(id + ".ratio", kind.label() + ": throughput gateway/direct", "",
                Target.atLeast(THROUGHPUT_RATIO_TARGET)).add(through.throughput() / direct.throughput());
        if (nginx != null) {
            section.metric(id + ".nginxRatio", kind.label() + ": throughput gateway/nginx", "",
                    Target.atLeast(NGINX_THROUGHPUT_RATIO_TARGET)).add(through.throughput() / nginx.throughput());
        }
        LatencyStats nginxAgain = measured.get(Side.NGINX_AGAIN);
        if (nginxAgain != null) {
            section.metric(id + CONTROL_THROUGHPUT, kind.label() + ": throughput nginx/nginx (control: 1 if exact)",
                    "").add(nginxAgain.throughput() / nginx.throughput());
        }
        recordP99(section, id, kind.label(), measured);
        LatencyStats library = measured.get(Side.GATEWAY_LIBRARY_GUARD);
        if (library != null) {
            section.metric(id + ".typedGuard.throughput", kind.label() + ": via gateway with TypedGuard throughput", "req/s")
                    .add(library.throughput());
            section.metric(id + ".typedGuard.p99", kind.label() + ": via gateway with TypedGuard p99", "ms").add(library.p99());
            section.metric(id + ".typedGuardVsHandWritten", kind.label() + ": throughput TypedGuard/hand-written guard", "")
                    .add(library.throughput() / through.throughput());
        }
        noteErrors(section, kind.label(), measured);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rep", rep);
        measured.forEach((side, stats) -> detail.put(sideName(side), stats.toMap()));
        section.detailList(id).add(detail);
        ctx.progress(String.format("[gateway] rep %d %s: direct %.0f/s p99 %.1f ms,%s via gateway %.0f/s p99 %.1f ms%s",
                rep, kind.label(), direct.throughput(), direct.p99(),
                nginx == null ? "" : String.format(" via nginx %.0f/s p99 %.1f ms,", nginx.throughput(), nginx.p99()),
                through.throughput(), through.p99(), library == null ? ""
                        : String.format(", with TypedGuard %.0f/s p99 %.1f ms", library.throughput(), library.p99()))
                + (nginxAgain == null ? "" : String.format(", via nginx again (control) %.0f/s p99 %.1f ms",
                        nginxAgain.throughput(), nginxAgain.p99())));
    }
}
