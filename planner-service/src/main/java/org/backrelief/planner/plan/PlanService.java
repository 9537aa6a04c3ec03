package org.backrelief.planner.plan;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.ProblemException;
import org.backrelief.planner.catalog.CatalogCache;
import org.backrelief.planner.catalog.CatalogSnapshot;
import org.backrelief.planner.plan.ProgramBuilder.ScheduledSession;
import org.backrelief.planner.profile.ProfileEntity;
import org.backrelief.planner.profile.ProfileRepository;
import org.backrelief.planner.profile.ProfileSpec;
import org.backrelief.planner.profile.UserZone;
import org.backrelief.planner.progression.PainAdaptation;
import org.backrelief.planner.progression.ProgressionRules;
import org.backrelief.planner.progression.StepAnchor;
import org.backrelief.planner.routine.NoSafeRoutineException;
import org.backrelief.planner.routine.Routine;
import org.backrelief.planner.routine.RoutinePlanner;
import org.backrelief.planner.routine.RoutineResponse;
import org.backrelief.planner.safety.SafetyDecision;
import org.backrelief.planner.safety.SafetyGate;
import org.backrelief.planner.support.Documents;
import org.backrelief.planner.support.PlannerProblems;
import org.jboss.logging.Logger;

import com.mongodb.client.model.WriteModel;

import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * Programs: creating one, reading it, today's session, and adapting it to pain reports. Every adaptation is
 * idempotent (keyed by the report), so a retry or the recovery sweep can apply it again safely.
 */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);
    /** A program may start up to this many days back (to log one already begun) or ahead. */
    public static final int MAX_BACKDATE_DAYS = 14;
    public static final int MAX_FORWARD_DAYS = 28;
    private static final int MAX_UPDATE_ATTEMPTS = 5;

    private final PlanRepository plans;
    private final SessionRepository sessions;
    private final ProfileRepository profiles;
    private final CatalogCache catalog;
    private final Documents documents;
    private final Clock clock;
    private final CompletionWindow window;
    private final ProgramBuilder builder = new ProgramBuilder();
    private final RoutinePlanner planner = new RoutinePlanner();
    private final SecureRandom random = new SecureRandom();

    public PlanService(PlanRepository plans, SessionRepository sessions, ProfileRepository profiles,
            CatalogCache catalog, Documents documents, Clock clock, CompletionWindow window) {
        this.plans = plans;
        this.sessions = sessions;
        this.profiles = profiles;
        this.catalog = catalog;
        this.documents = documents;
        this.clock = clock;
        this.window = window;
    }

    public PlanView create(String userId, CreatePlanRequest request) {
        return create(userId, request, null);
    }

    /**
     * Creates a plan; with an idempotency key the plan's id is derived from user and key, so a retry after a crash
     * between the write and the stored answer returns the plan created the first time instead of a second one.
     */
    @WithSpan
    public PlanView create(String userId, CreatePlanRequest request, String idempotencyKey) {
        String planId = idempotencyKey == null ? UUID.randomUUID().toString()
                : IdempotencyKeys.derivedId("plan", userId, idempotencyKey);
        if (idempotencyKey != null) {
            Optional<PlanEntity> existing = plans.findByIdOptional(planId);
            if (existing.isPresent()) {
                return view(existing.get(), sessions.ofPlan(planId));
            }
            // sessions of a first attempt that died before its plan was written are not visible: drop them
            sessions.delete("planId", planId);
        }
        ProfileEntity profile = profiles.findByIdOptional(userId).orElseThrow(
                () -> ProblemException.conflict("Create your profile first (PUT /api/v1/me/profile)"));
        ProfileSpec spec = profile.toSpec();
        SafetyDecision decision = planner.screen(spec);
        if (decision.blocked()) {
            throw PlannerProblems.blocked(decision);
        }
        LocalDate today = today(spec.zoneId());
        int weeks = request == null || request.weeks() == null ? ProgramBuilder.DEFAULT_WEEKS : request.weeks();
        LocalDate start = request == null || request.startDate() == null ? today : request.startDate();
        if (start.isBefore(today.minusDays(MAX_BACKDATE_DAYS)) || start.isAfter(today.plusDays(MAX_FORWARD_DAYS))) {
            throw ProblemException.badRequest("startDate", "must be between " + today.minusDays(MAX_BACKDATE_DAYS)
                    + " and " + today.plusDays(MAX_FORWARD_DAYS) + " (today is " + today + " in " + spec.zoneId() + ")");
        }
        CatalogSnapshot snapshot = catalog.snapshot();
        int startStep = ProgressionRules.startStep(spec.level());
        StepAnchor anchor = StepAnchor.start(startStep);
        long seed = random.nextLong();
        List<ScheduledSession> scheduled;
        try {
            scheduled = builder.build(spec, spec.currentPain(), start, weeks, seed, anchor, snapshot);
        } catch (NoSafeRoutineException e) {
            throw PlannerProblems.noSafeRoutine(e);
        }
        Instant now = now();
        PlanEntity plan = new PlanEntity();
        plan.id = planId;
        plan.userId = userId;
        plan.status = PlanStatus.ACTIVE;
        plan.createdAt = now;
        plan.startDate = start.toString();
        plan.weeks = weeks;
        plan.sessionsPerWeek = spec.sessionsPerWeek();
        plan.zoneId = spec.zoneId();
        plan.seed = seed;
        plan.startStep = startStep;
        plan.anchorWeek = anchor.week();
        plan.anchorStep = anchor.step();
        List<SessionEntity> entities = new ArrayList<>(scheduled.size());
        for (ScheduledSession s : scheduled) {
            SessionEntity entity = new SessionEntity();
            entity.id = UUID.randomUUID().toString();
            entity.planId = plan.id;
            entity.userId = userId;
            entity.index = s.index();
            entity.weekNumber = s.weekNumber();
            entity.scheduledDate = s.date().toString();
            entity.step = s.step();
            entity.mode = s.routine().routine().mode();
            entity.status = SessionStatus.SCHEDULED;
            entity.routine = documents.toDocument(s.routine().routine());
            entity.composedAt = now;
            entities.add(entity);
        }
        // sessions first (one insertMany): a plan is only visible once all its sessions exist
        sessions.persist(entities);
        plans.insertReplacingOthers(plan);
        return view(plan, entities);
    }

    public PlanView current(String userId) {
        PlanEntity plan = plans.active(userId).orElseThrow(() -> ProblemException.notFound("Current plan"));
        return view(plan, sessions.ofPlan(plan.id));
    }

    public SessionView next(String userId) {
        PlanEntity plan = plans.active(userId).orElseThrow(() -> ProblemException.notFound("Current plan"));
        ProfileEntity profile = profile(userId);
        LocalDate today = today(UserZone.of(profile, plan));
        SessionEntity session = sessions.next(plan.id, window.earliestOpenDate(today).toString())
                .orElseThrow(() -> ProblemException.notFound("An open session in the current plan"));
        return view(session, today(plan, profile, session), today);
    }

    public SessionView session(String userId, String sessionId) {
        SessionEntity session = sessions.owned(sessionId, userId)
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
        ProfileEntity profile = profile(userId);
        PlanEntity plan = plans.findById(session.planId);
        LocalDate today = today(UserZone.of(profile, plan));
        boolean open = session.status == SessionStatus.SCHEDULED && plan != null && plan.status == PlanStatus.ACTIVE;
        RoutineResponse routine = open ? today(plan, profile, session) : stored(session);
        return view(session, routine, today);
    }

    /** What to do in an open session today: the safety gate first, then the stored (or recomposed) routine. */
    private RoutineResponse today(PlanEntity plan, ProfileEntity profile, SessionEntity session) {
        ProfileSpec spec = forPlan(profile.toSpec(), plan);
        SafetyDecision screen = planner.screen(spec);
        if (screen.blocked()) {
            return RoutineResponse.blocked(screen);
        }
        if (painJumpedSinceScreening(profile, plan)) {
            return RoutineResponse.recheck("Your pain has risen from " + profile.painAtScreening + "/10 to "
                    + plan.lastPain + "/10 since you last answered the red-flag questions. Please answer them again"
                    + " (update your profile) before your next session.");
        }
        int pain = effectivePain(profile, plan);
        SafetyDecision decision = planner.screen(spec, pain);
        Routine.Mode mode = SafetyGate.modeFor(pain);
        boolean profileChanged = profile.updatedAt != null && session.composedAt != null
                && profile.updatedAt.isAfter(session.composedAt);
        int step = plan.anchor().stepForWeek(session.weekNumber);
        if (mode == session.mode && !profileChanged && step == session.step) {
            return RoutineResponse.ready(decision, documents.fromDocument(session.routine, Routine.class));
        }
        // pain, the profile or the step schedule changed since it was composed: compose again, keep what is shown
        RoutineResponse response;
        try {
            response = builder.compose(spec, pain, session.index, plan.seed, step, catalog.snapshot());
        } catch (NoSafeRoutineException e) {
            throw PlannerProblems.noSafeRoutine(e);
        }
        sessions.storeRoutine(session, step, response.routine().mode(), documents.toDocument(response.routine()),
                now());
        return response;
    }

    private RoutineResponse stored(SessionEntity session) {
        Routine routine = documents.fromDocument(session.routine, Routine.class);
        return new RoutineResponse(routine.mode() == Routine.Mode.GENTLE ? RoutineResponse.Status.GENTLE_ONLY
                : RoutineResponse.Status.READY, null, null, routine);
    }

    /**
     * Applies a pain report to the plan once: moves the step schedule, records the adjustment with its reason and
     * rebuilds the open sessions. Safe to call again with the same report. Starts from the plan and profile the caller
     * has just read (either may be null: then they are read here); a concurrent change of the plan is caught by its
     * version and answered by reading it again.
     */
    @WithSpan
    public void applyReport(PainReport report, PlanEntity loaded, ProfileEntity profile) {
        PlanEntity plan = loaded;
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            if (plan == null || attempt > 0) {
                plan = plans.findById(report.planId());
            }
            if (plan == null) {
                return;
            }
            if (plan.appliedReports.contains(report.key())) {
                rebuild(plan, profile, false);
                return;
            }
            StepAnchor current = plan.anchor();
            StepAnchor next = PainAdaptation.adapt(current, report.assessment().decision(), report.sessionWeek(),
                    report.sessionStep());
            AdjustmentView adjustment = AdjustmentView.of(report, current, next);
            ProfileEntity owner = profile != null ? profile : profiles.findById(plan.userId);
            Routine.Mode modeBefore = owner == null ? null : SafetyGate.modeFor(effectivePain(owner, plan));
            if (plans.applyAdjustment(plan, next, report.pain(), report.at(), documents.toDocument(adjustment),
                    report.key())) {
                if (owner != null && (!next.equals(current)
                        || SafetyGate.modeFor(effectivePain(owner, plan)) != modeBefore)) {
                    rebuild(plan, owner, false);
                }
                // else: neither the step schedule nor today's mode moved, so no open session needs a new routine
                return;
            }
            // someone else changed the plan in between: read it again and re-decide
        }
        throw new IllegalStateException("Plan " + report.planId() + " kept changing; report " + report.key()
                + " not applied yet");
    }

    /** A pain report that refers to no session: it only updates the pain that decides today's mode. */
    public void recordPain(String planId, int pain, Instant at) {
        if (plans.recordPain(planId, pain, at)) {
            rebuild(plans.findById(planId), null, false);
        }
    }

    /** After a profile change: recompose every open session of the active plan for the new profile. */
    @WithSpan
    public void profileChanged(String userId) {
        plans.active(userId).ifPresent(plan -> rebuild(plan, null, true));
    }

    /**
     * Brings the open sessions in line with the plan's step schedule and today's pain mode; with {@code all}, every
     * open session is recomposed (the profile changed). Completed sessions are never touched.
     */
    void rebuild(PlanEntity plan, ProfileEntity loadedProfile, boolean all) {
        if (plan == null) {
            return;
        }
        ProfileEntity profile = loadedProfile != null ? loadedProfile : profiles.findById(plan.userId);
        if (profile == null) {
            return;
        }
        ProfileSpec spec = forPlan(profile.toSpec(), plan);
        if (planner.screen(spec).blocked()) {
            return; // nothing is composed while a red flag stands; the next-session answer says why
        }
        int pain = effectivePain(profile, plan);
        Routine.Mode mode = SafetyGate.modeFor(pain);
        StepAnchor anchor = plan.anchor();
        CatalogSnapshot snapshot = null;
        List<WriteModel<SessionEntity>> recomposed = new ArrayList<>();
        Instant now = now();
        for (SessionEntity session : sessions.openWithoutRoutine(plan.id)) {
            int step = anchor.stepForWeek(session.weekNumber);
            if (!all && step == session.step && mode == session.mode) {
                continue;
            }
            if (snapshot == null) {
                snapshot = catalog.snapshot();
            }
            try {
                RoutineResponse response = builder.compose(spec, pain, session.index, plan.seed, step, snapshot);
                if (response.routine() != null) {
                    recomposed.add(sessions.routineUpdate(session, step, response.routine().mode(),
                            documents.toDocument(response.routine()), now));
                }
            } catch (NoSafeRoutineException e) {
                LOG.infof("Session %s kept its routine: %s", session.id, e.getMessage());
            }
        }
        sessions.storeRoutines(recomposed);
    }

    /** The pain that decides today's mode: the latest of the profile's figure and the latest report. */
    public static int effectivePain(ProfileEntity profile, PlanEntity plan) {
        if (plan != null && plan.lastPain != null && plan.lastPainAt != null
                && (profile.updatedAt == null || plan.lastPainAt.isAfter(profile.updatedAt))) {
            return plan.lastPain;
        }
        return profile.currentPain;
    }

    static boolean painJumpedSinceScreening(ProfileEntity profile, PlanEntity plan) {
        return plan.lastPain != null && plan.lastPainAt != null
                && (profile.screenedAt == null || plan.lastPainAt.isAfter(profile.screenedAt))
                && SafetyGate.painJumped(profile.painAtScreening, plan.lastPain);
    }

    /**
     * The profile as the plan's sessions are composed: with the plan's sessions a week, because the weekly limits
     * (back extensions at most 3 times a week) count a session's place in its week by it, even if the profile's
     * sessions a week changed after the plan was made.
     */
    static ProfileSpec forPlan(ProfileSpec spec, PlanEntity plan) {
        return plan.sessionsPerWeek <= 0 || plan.sessionsPerWeek == spec.sessionsPerWeek() ? spec
                : spec.withSessionsPerWeek(plan.sessionsPerWeek);
    }

    public LocalDate today(String zoneId) {
        return LocalDate.now(clock.withZone(ZoneId.of(zoneId)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private ProfileEntity profile(String userId) {
        return profiles.findByIdOptional(userId).orElseThrow(
                () -> ProblemException.conflict("Create your profile first (PUT /api/v1/me/profile)"));
    }

    private SessionView view(SessionEntity session, RoutineResponse routine, LocalDate today) {
        return new SessionView(session.id, session.planId, session.index, session.weekNumber,
                LocalDate.parse(session.scheduledDate), session.status.name(), session.step,
                window.completable(session, today),
                session.completedAt, routine);
    }

    PlanView view(PlanEntity plan, List<SessionEntity> all) {
        StepAnchor anchor = plan.anchor();
        Map<Integer, Integer> weekSteps = new TreeMap<>();
        List<PlanView.SessionSummary> summaries = new ArrayList<>(all.size());
        Integer currentStep = null;
        for (SessionEntity s : all) {
            Object seconds = s.routine == null ? null : s.routine.get("estimatedSeconds");
            Integer minutes = seconds instanceof Number n ? (int) Math.round(n.doubleValue() / 60) : null;
            summaries.add(new PlanView.SessionSummary(s.id, s.index, s.weekNumber, LocalDate.parse(s.scheduledDate),
                    s.status.name(), s.step, s.mode == null ? null : s.mode.name(), minutes));
            if (s.status == SessionStatus.SCHEDULED) {
                weekSteps.putIfAbsent(s.weekNumber, s.step);
                if (currentStep == null) {
                    currentStep = s.step;
                }
            } else {
                weekSteps.put(s.weekNumber, s.step);
            }
        }
        List<PlanView.WeekView> schedule = new ArrayList<>(plan.weeks);
        for (int week = 1; week <= plan.weeks; week++) {
            schedule.add(new PlanView.WeekView(week, weekSteps.getOrDefault(week, anchor.stepForWeek(week))));
        }
        List<AdjustmentView> adjustments = new ArrayList<>(plan.adjustments.size());
        plan.adjustments.forEach(d -> adjustments.add(documents.fromDocument(d, AdjustmentView.class)));
        LocalDate start = LocalDate.parse(plan.startDate);
        return new PlanView(plan.id, plan.status.name(), plan.createdAt, start,
                start.plusDays((long) plan.weeks * ProgramBuilder.DAYS_PER_WEEK - 1), plan.weeks, plan.sessionsPerWeek,
                plan.zoneId, currentStep != null ? currentStep : anchor.stepForWeek(plan.weeks), List.copyOf(schedule),
                List.copyOf(summaries), List.copyOf(adjustments));
    }
}
