package org.backrelief.bench.sections;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.backrelief.bench.BenchContext;
import org.backrelief.bench.api.PlannerApi;
import org.backrelief.bench.infra.ProcStats;
import org.backrelief.bench.infra.ResourceWindow;
import org.backrelief.bench.infra.Stack;
import org.backrelief.bench.load.ConstantRate;
import org.backrelief.bench.load.Http;
import org.backrelief.bench.profile.Profiles;
import org.backrelief.bench.report.Section;
import org.backrelief.bench.report.Target;
import org.backrelief.infra.Pause;
import org.backrelief.infra.BackReliefServices.Service;

/**
 * Section 2: completions posted through the gateway at a constant rate (each by a different signed-up user, for
 * their next session); the time from the intended send time until the session shows in that user's history,
 * read through the gateway.
 */
public final class FreshnessBench {

    public static final double P50_TARGET_MS = 100;
    public static final double P99_TARGET_MS = 500;
    /** The stack counts as quiet below this share of one core (services idle at 2-8 % together). */
    static final double QUIET_CORES = 0.25;
    static final Duration QUIET_LIMIT = Duration.ofSeconds(120);

    private final BenchContext ctx;

    public FreshnessBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    public void run(Stack stack, Section section) {
        String gateway = stack.url(Service.GATEWAY);
        int rate = ctx.config.freshnessRate;
        Duration warmUp = ctx.config.freshnessWarmUp;
        Duration measure = ctx.config.freshnessDuration;
        int needed = (int) Math.ceil(rate * (warmUp.toMillis() + measure.toMillis()) / 1000.0) + 1;
        section.detail("ratePerSecond", rate);
        section.detail("polling", "history page (5 newest) read through the gateway: "
                + ConstantRate.Polling.DEFAULT.describe());
        for (int rep = 1; rep <= ctx.config.freshnessReps; rep++) {
            ctx.progress("[freshness] rep " + rep + ": signing up " + needed + " users with a program and a next session");
            List<Users.User> users = Users.create(stack, "fresh-r" + rep + "-", needed, true);
            ctx.progress("[freshness] rep " + rep + ": " + rate + " completions/s for " + measure.toSeconds() + " s after "
                    + warmUp.toSeconds() + " s warm-up");
            Profiles profiles = Profiles.start(ctx.config.profile && rep == 1, ctx.outDir.resolve("profiles"), "freshness",
                    stack.pidsOf(Service.PLANNER, Service.TRACKING, Service.GATEWAY),
                    ctx::progress);
            ResourceWindow cpu = ResourceWindow.open(stack.pids());
            try (Http senders = new Http(8); Http pollers = new Http(8)) {
                ConstantRate.Result result = ConstantRate.run(rate, warmUp, measure, ConstantRate.workersFor(rate),
                        ConstantRate.Polling.DEFAULT, new ConstantRate.Probe() {
                            @Override
                            public boolean send(long i) {
                                Users.User user = users.get((int) i);
                                Http.Response response = senders.send(Http.post(gateway + PlannerApi.completionPath(user.sessionId()),
                                        user.token(), user.completionJson()));
                                if (!response.ok()) {
                                    throw new IllegalStateException("completion HTTP " + response.status() + " "
                                            + Http.abbreviate(response.body(), 300));
                                }
                                return true;
                            }

                            @Override
                            public boolean visible(long i) {
                                Users.User user = users.get((int) i);
                                Http.Response response = pollers.send(Http.get(gateway + "/api/v1/me/history?page=0&size=5",
                                        user.token()));
                                return response.ok() && response.body().contains(user.sessionId());
                            }
                        });
                record(section, result, rep);
            } finally {
                section.detail("cpu.rep" + rep, cpu.usage());
                Map<String, Object> summaries = profiles.stop();
                if (!summaries.isEmpty()) {
                    section.detail("profilesDuringFreshness", summaries);
                }
            }
            double settled = awaitQuiet(stack);
            section.detail("quietAfterSeconds.rep" + rep, settled);
            ctx.progress(String.format("[freshness] rep %d: stack quiet again %.1f s after the load", rep, settled));
        }
    }

    /**
     * Waits until the stack has worked off what the load left behind (the planner's outbox, the tracker's lag, the
     * store's commits): its processes together use less than {@link #QUIET_CORES} of a core over a second, at most
     * {@link #QUIET_LIMIT}. Whatever comes next (another repetition, the gateway and planner sections) then measures
     * the services, not a backlog. Returns the seconds waited.
     */
    private static double awaitQuiet(Stack stack) {
        long started = System.nanoTime();
        long deadline = started + QUIET_LIMIT.toNanos();
        Map<String, Long> pids = stack.pids();
        double before = cpuSeconds(pids);
        while (System.nanoTime() < deadline) {
            Pause.quietly(1000);
            double now = cpuSeconds(pids);
            if (now - before < QUIET_CORES) {
                break;
            }
            before = now;
        }
        return Math.round((System.nanoTime() - started) / 1e8) / 10.0;
    }

    private static double cpuSeconds(Map<String, Long> pids) {
        double sum = 0;
        for (long pid : pids.values()) {
            double cpu = ProcStats.cpuSeconds(pid);
            sum += Double.isNaN(cpu) ? 0 : cpu;
        }
        return sum;
    }

    private void record(Section section, ConstantRate.Result result, int rep) {
        section.metric("visible.p50", "completion → visible in history: p50", "ms", Target.atMost(P50_TARGET_MS))
                .add(result.visible().p50());
        section.metric("visible.p99", "completion → visible in history: p99", "ms", Target.atMost(P99_TARGET_MS))
                .add(result.visible().p99());
        section.metric("visible.max", "completion → visible in history: max", "ms").add(result.visible().max());
        section.metric("accepted.p50", "completion POST answered: p50", "ms").add(result.accepted().p50());
        section.metric("accepted.p99", "completion POST answered: p99", "ms").add(result.accepted().p99());
        section.metric("achievedRate", "completions sent per second", "/s").add(result.achievedRatePerSecond());
        section.metric("lost", "completions failed, never visible (15 s) or not sent (15 s behind)", "")
                .add(result.lost());
        if (result.lost() > 0) {
            section.note("rep " + rep + ": " + result.failedSends() + " completions failed, " + result.neverVisible()
                    + " never became visible, " + result.notSent() + " not sent; first error: " + result.firstError());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rep", rep);
        details.put("accepted", result.accepted().toMap());
        details.put("visible", result.visible().toMap());
        details.put("achievedRatePerSecond", Math.round(result.achievedRatePerSecond()));
        details.put("maxSendLagMs", Math.round(result.maxSendLagMs()));
        details.put("polls", result.polls());
        details.put("sent", result.sent());
        details.put("failedSends", result.failedSends());
        details.put("neverVisible", result.neverVisible());
        details.put("notSent", result.notSent());
        section.detailList("runs").add(details);
        ctx.progress(String.format("[freshness] rep %d: visible p50 %.1f ms, p99 %.1f ms, max %.1f ms; POST p99 %.1f ms; %d lost",
                rep, result.visible().p50(), result.visible().p99(), result.visible().max(), result.accepted().p99(),
                result.lost()));
    }
}
