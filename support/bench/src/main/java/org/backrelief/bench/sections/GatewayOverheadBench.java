package org.backrelief.bench.sections;

import java.net.http.HttpRequest;
import java.time.Duration;
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
 * Section 3: the same requests sent directly to the service and through the gateway, at the same concurrency, one
 * after the other (the order alternates between repetitions so drift does not favour one side).
 */
public final class GatewayOverheadBench {

    public static final double THROUGHPUT_RATIO_TARGET = 0.85;
    public static final double ADDED_P99_TARGET_MS = 5;

    private final BenchContext ctx;

    public GatewayOverheadBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /** One request type: how to build it for the service and for the gateway. */
    private record Kind(String id, String label, Service service, ClosedLoop.Requests direct,
            ClosedLoop.Requests viaGateway) {
    }

    /**
     * @param historyUsers users that have history in the tracker (the ingest section's users)
     */
    public void run(Stack stack, Section section, String[] historyUsers) {
        String gateway = stack.url(Service.GATEWAY);
        String catalog = stack.url(Service.CATALOG);
        String planner = stack.url(Service.PLANNER);
        String tracker = stack.url(Service.TRACKING);
        int users = historyUsers.length;
        Kind[] kinds = {
                new Kind("catalogList", "catalog list (20 per page)", Service.CATALOG,
                        (c, n) -> Http.get(catalog + "/api/v1/exercises?page=0&size=20", null),
                        (c, n) -> Http.get(gateway + "/api/v1/exercises?page=0&size=20", null)),
                new Kind("routinePreview", "routine preview", Service.PLANNER,
                        (c, n) -> Http.post(planner + PlannerApi.PREVIEW, null, PlannerApi.previewJson((int) ((c * 31 + n) % 420))),
                        (c, n) -> Http.post(gateway + PlannerApi.PREVIEW, null, PlannerApi.previewJson((int) ((c * 31 + n) % 420)))),
                new Kind("historyPage", "history page (20 per page)", Service.TRACKING,
                        (c, n) -> history(stack, tracker + "/api/v1/users/", historyUsers[(int) ((c * 7919L + n) % users)], true),
                        (c, n) -> history(stack, gateway + "/api/v1/me/history", historyUsers[(int) ((c * 7919L + n) % users)], false)) };
        int concurrency = ctx.config.gatewayConcurrency;
        section.detail("concurrency", concurrency);
        // both paths of every request hot before anything is measured (the gateway starts cold; C1 compiles lazily)
        try (Http http = new Http(4)) {
            for (Kind kind : kinds) {
                ClosedLoop.run(http, concurrency, ctx.config.loadWarmUp, Duration.ZERO, kind.direct());
                ClosedLoop.run(http, concurrency, ctx.config.loadWarmUp, Duration.ZERO, kind.viaGateway());
            }
        }
        for (int rep = 1; rep <= ctx.config.reps; rep++) {
            for (Kind kind : kinds) {
                try (Http http = new Http(4)) {
                    boolean gatewayFirst = rep % 2 == 0;
                    LatencyStats direct = null;
                    LatencyStats through = null;
                    for (int side = 0; side < 2; side++) {
                        boolean viaGateway = (side == 0) == gatewayFirst;
                        ClosedLoop.Requests requests = viaGateway ? kind.viaGateway() : kind.direct();
                        ClosedLoop.run(http, concurrency, ctx.config.loadWarmUp, Duration.ZERO, requests);
                        ResourceWindow cpu = ResourceWindow.open(stack.pids());
                        LatencyStats stats = ClosedLoop.run(http, concurrency, Duration.ZERO, ctx.config.loadDuration, requests);
                        section.detail("cpuMillisPerRequest." + kind.id() + (viaGateway ? ".viaGateway" : ".direct"),
                                cpu.cpuMillisPer(stats.count() + stats.errors()));
                        if (viaGateway) {
                            through = stats;
                        } else {
                            direct = stats;
                        }
                    }
                    record(section, kind, direct, through, rep);
                    if (ctx.config.profile && rep == 1) {
                        profile(stack, section, http, kind);
                    }
                }
            }
        }
    }

    /** An extra, unmeasured pass through the gateway under JFR: profiling never slows a measured side down. */
    private void profile(Stack stack, Section section, Http http, Kind kind) {
        Profiles profiles = Profiles.start(true, ctx.outDir.resolve("profiles"), kind.id() + "-via-gateway",
                stack.pidsOf(Service.GATEWAY, kind.service()), ctx::progress);
        ClosedLoop.run(http, ctx.config.gatewayConcurrency, Duration.ZERO, ctx.config.loadDuration, kind.viaGateway());
        Map<String, Object> summaries = profiles.stop();
        if (!summaries.isEmpty()) {
            section.detail("profilesViaGateway." + kind.id(), summaries);
        }
    }

    private static HttpRequest history(Stack stack, String base, String user, boolean direct) {
        String url = direct ? base + user + "/history?page=0&size=20" : base + "?page=0&size=20";
        return Http.get(url, stack.userToken(user));
    }

    private void record(Section section, Kind kind, LatencyStats direct, LatencyStats through, int rep) {
        String id = kind.id();
        section.metric(id + ".direct.throughput", kind.label() + ": direct throughput", "req/s").add(direct.throughput());
        section.metric(id + ".gateway.throughput", kind.label() + ": via gateway throughput", "req/s").add(through.throughput());
        section.metric(id + ".ratio", kind.label() + ": throughput gateway/direct", "",
                Target.atLeast(THROUGHPUT_RATIO_TARGET)).add(through.throughput() / direct.throughput());
        section.metric(id + ".direct.p99", kind.label() + ": direct p99", "ms").add(direct.p99());
        section.metric(id + ".gateway.p99", kind.label() + ": via gateway p99", "ms").add(through.p99());
        section.metric(id + ".addedP99", kind.label() + ": added p99", "ms", Target.atMost(ADDED_P99_TARGET_MS))
                .add(through.p99() - direct.p99());
        if (direct.errors() + through.errors() > 0) {
            section.note(kind.label() + ": errors direct " + direct.errors() + " (" + direct.firstError() + "), via gateway "
                    + through.errors() + " (" + through.firstError() + ")");
        }
        section.detailList(id).add(Map.of("rep", rep, "direct", direct.toMap(), "viaGateway", through.toMap()));
        ctx.progress(String.format("[gateway] rep %d %s: direct %.0f/s p99 %.1f ms, via gateway %.0f/s p99 %.1f ms",
                rep, kind.label(), direct.throughput(), direct.p99(), through.throughput(), through.p99()));
    }
}
