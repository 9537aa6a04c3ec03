package org.backrelief.bench.sections;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.backrelief.bench.BenchContext;
import org.backrelief.bench.api.PlannerApi;
import org.backrelief.bench.infra.ResourceWindow;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.load.ClosedLoop;
import org.backrelief.bench.load.Http;
import org.backrelief.bench.load.LatencyStats;
import org.backrelief.bench.profile.Profiles;
import org.backrelief.bench.report.Section;
import org.backrelief.bench.report.Target;
import org.backrelief.infra.BackReliefServices.Service;

/**
 * Section 4: routine preview (stateless, anonymous) and program creation (stored) at 1, 16 and 64 concurrent clients,
 * directly against the planner.
 */
public final class PlannerBench {

    /** Preview profiles rotate over this many variants (levels, minutes, equipment, avoidances, days). */
    private static final int PREVIEW_VARIANTS = 420;
    public static final double PREVIEW_P99_TARGET_MS = 20;
    public static final int TARGET_CONCURRENCY = 16;

    private final BenchContext ctx;

    public PlannerBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    public void run(Stack stack, Section section) {
        String planner = stack.url(Service.PLANNER);
        ctx.progress("[planner] creating " + ctx.config.plannerUsers + " users with a profile");
        List<Users.User> users = Users.create(stack, "planner-user-", ctx.config.plannerUsers, false);
        int pool = users.size();
        ClosedLoop.Requests preview = (client, n) -> Http.post(planner + PlannerApi.PREVIEW, null,
                PlannerApi.previewJson((int) ((client * 31L + n) % PREVIEW_VARIANTS)));
        try (Http http = new Http(4)) {
            // a hot planner before the first point (which has a single client)
            ClosedLoop.run(http, TARGET_CONCURRENCY, ctx.config.loadWarmUp, Duration.ZERO, preview);
            ClosedLoop.run(http, TARGET_CONCURRENCY, ctx.config.loadWarmUp, Duration.ZERO, (client, n) -> Http.post(
                    planner + PlannerApi.PLANS, users.get((int) (client % pool)).token(), PlannerApi.planJson()));
        }
        for (int rep = 1; rep <= ctx.config.reps; rep++) {
            for (int concurrency : ctx.config.plannerConcurrency) {
                boolean profile = ctx.config.profile && rep == 1 && concurrency == TARGET_CONCURRENCY;
                try (Http http = new Http(Math.min(16, Math.max(2, concurrency / 4)))) {
                    LatencyStats previewed = measure(stack, section, profile, "preview", http, concurrency, preview);
                    record(section, "preview", "routine preview", concurrency, previewed, rep);
                    LatencyStats create = measure(stack, section, profile, "createProgram", http, concurrency,
                            (client, n) -> {
                                Users.User user = users.get((int) ((client + n * concurrency) % pool));
                                return Http.post(planner + PlannerApi.PLANS, user.token(), PlannerApi.planJson());
                            });
                    record(section, "createProgram", "program creation", concurrency, create, rep);
                    ctx.progress(String.format("[planner] rep %d, %d clients: preview %.0f/s p99 %.1f ms; program %.0f/s p99 %.1f ms",
                            rep, concurrency, previewed.throughput(), previewed.p99(), create.throughput(), create.p99()));
                }
            }
        }
    }

    private LatencyStats measure(Stack stack, Section section, boolean profile, String id, Http http, int concurrency,
            ClosedLoop.Requests requests) {
        Profiles profiles = Profiles.start(profile, ctx.outDir.resolve("profiles"), id + "-c" + concurrency,
                stack.pidsOf(Service.PLANNER),
                ctx::progress);
        ClosedLoop.run(http, concurrency, ctx.config.loadWarmUp, Duration.ZERO, requests);
        ResourceWindow cpu = ResourceWindow.open(stack.pids());
        LatencyStats stats = null;
        try {
            stats = ClosedLoop.run(http, concurrency, Duration.ZERO, ctx.config.loadDuration, requests);
            return stats;
        } finally {
            if (stats != null) {
                section.detail("cpuMillisPerRequest." + id + ".c" + concurrency, cpu.cpuMillisPer(stats.count() + stats.errors()));
            }
            Map<String, Object> summaries = profiles.stop();
            if (!summaries.isEmpty()) {
                section.detail("profiles." + id + ".c" + concurrency, summaries);
            }
        }
    }

    private static void record(Section section, String id, String label, int concurrency, LatencyStats stats, int rep) {
        String key = id + ".c" + concurrency;
        String clients = concurrency + (concurrency == 1 ? " client" : " clients");
        section.metric(key + ".throughput", label + ", " + clients + ": throughput", "req/s").add(stats.throughput());
        section.metric(key + ".p50", label + ", " + clients + ": p50", "ms").add(stats.p50());
        Target p99Target = id.equals("preview") && concurrency == TARGET_CONCURRENCY ? Target.atMost(PREVIEW_P99_TARGET_MS) : null;
        section.metric(key + ".p99", label + ", " + clients + ": p99", "ms", p99Target).add(stats.p99());
        if (stats.errors() > 0) {
            section.metric(key + ".errors", label + ", " + clients + ": errors", "").add(stats.errors());
            section.note(label + " at " + concurrency + " clients had errors, e.g. " + stats.firstError());
        }
        section.detailList(key).add(Map.of("rep", rep, "stats", stats.toMap()));
    }
}
