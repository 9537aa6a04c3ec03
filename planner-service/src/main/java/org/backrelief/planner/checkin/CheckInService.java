package org.backrelief.planner.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.PainCheckInV1;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.idempotency.IdempotencyKeys;
import org.backrelief.common.problem.ProblemException;
import org.backrelief.planner.completion.CompletionEntity;
import org.backrelief.planner.completion.CompletionRepository;
import org.backrelief.planner.outbox.OutboxEntry;
import org.backrelief.planner.outbox.OutboxRelay;
import org.backrelief.planner.plan.AdjustmentView;
import org.backrelief.planner.plan.PainReport;
import org.backrelief.planner.plan.PlanEntity;
import org.backrelief.planner.plan.PlanStatus;
import org.backrelief.planner.plan.PlanRepository;
import org.backrelief.planner.plan.PlanService;
import org.backrelief.planner.plan.SessionEntity;
import org.backrelief.planner.plan.SessionRepository;
import org.backrelief.planner.plan.SessionStatus;
import org.backrelief.planner.profile.ProfileEntity;
import org.backrelief.planner.profile.ProfileRepository;
import org.backrelief.planner.profile.UserZone;
import org.backrelief.planner.progression.PainAdaptation;
import org.backrelief.planner.progression.StepAnchor;
import org.backrelief.planner.support.Documents;
import org.jboss.logging.Logger;

import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * Records a pain check-in (its document carries its event's outbox entry) and lets it adapt the plan: next-day pain
 * above {@value PainAdaptation#HOLD_MAX_PAIN}, or above the pain before the session, steps back;
 * {@value PainAdaptation#HOLD_MIN_PAIN}-{@value PainAdaptation#HOLD_MAX_PAIN} holds (the rule: {@link PainAdaptation#nextDay}).
 */
@ApplicationScoped
public class CheckInService {

    private static final Logger LOG = Logger.getLogger(CheckInService.class);

    private final CheckInRepository checkIns;
    private final CompletionRepository completions;
    private final SessionRepository sessions;
    private final PlanRepository plans;
    private final ProfileRepository profiles;
    private final PlanService planService;
    private final Documents documents;
    private final Clock clock;
    private final OutboxRelay relay;

    public CheckInService(CheckInRepository checkIns, CompletionRepository completions, SessionRepository sessions,
            PlanRepository plans, ProfileRepository profiles, PlanService planService, Documents documents,
            Clock clock, OutboxRelay relay) {
        this.checkIns = checkIns;
        this.completions = completions;
        this.sessions = sessions;
        this.plans = plans;
        this.profiles = profiles;
        this.planService = planService;
        this.documents = documents;
        this.clock = clock;
        this.relay = relay;
    }

    public CheckInView checkIn(String userId, CheckInRequest request) {
        return checkIn(userId, request, null);
    }

    /**
     * Records a check-in; with an idempotency key its id (and event id) derive from user and key, so a retry after a
     * crash between the write and the stored answer finds the first check-in instead of recording a second.
     */
    @WithSpan
    public CheckInView checkIn(String userId, CheckInRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            CheckInEntity existing = checkIns.findById(IdempotencyKeys.derivedId("checkin", userId, idempotencyKey));
            if (existing != null) {
                return recorded(existing);
            }
        }
        ProfileEntity profile = profiles.findById(userId);
        PlanEntity active = plans.active(userId).orElse(null);
        String zone = UserZone.of(profile, active);
        SessionEntity session = null;
        if (request.sessionId() != null) {
            session = sessions.owned(request.sessionId(), userId)
                    .orElseThrow(() -> ProblemException.notFound("Session " + request.sessionId()));
            if (session.status != SessionStatus.COMPLETED) {
                throw ProblemException.badRequest("sessionId", "a check-in refers to a completed session");
            }
        } else if (active != null) {
            session = sessions.lastCompleted(active.id).orElse(null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant answeredAt = CheckInTime.answeredAt(request.answeredAt(), now);
        CheckInEntity checkIn = new CheckInEntity();
        checkIn.id = idempotencyKey == null ? UUID.randomUUID().toString()
                : IdempotencyKeys.derivedId("checkin", userId, idempotencyKey);
        checkIn.userId = userId;
        String eventId = idempotencyKey == null ? UUID.randomUUID().toString()
                : IdempotencyKeys.derivedId("checkin-event", userId, idempotencyKey);
        checkIn.createdAt = now;
        checkIn.answeredAt = answeredAt;
        checkIn.outbox = OutboxEntry.pending(eventId, EventTypes.PAIN_CHECKIN_V1, userId, now,
                documents.toDocument(new PainCheckInV1(PainCheckInV1.SCHEMA_VERSION, userId, checkIn.id,
                        session == null ? null : session.id, request.pain(), answeredAt, zone, request.note())));

        PainAdaptation.Assessment assessment = null;
        StepAnchor current = null;
        StepAnchor next = null;
        PlanEntity plan = session == null ? active
                : active != null && active.id.equals(session.planId) ? active : plans.findById(session.planId);
        boolean planActive = plan != null && plan.status == PlanStatus.ACTIVE;
        if (session != null && planActive) {
            int before = painBefore(session, request.pain());
            assessment = PainAdaptation.nextDay(request.pain(), before);
            current = plan.anchor();
            next = PainAdaptation.adapt(current, assessment.decision(), session.weekNumber, session.step);
            checkIn.sessionId = session.id;
            checkIn.weekNumber = session.weekNumber;
            checkIn.step = session.step;
            checkIn.painBefore = before;
        }
        checkIn.planId = planActive ? plan.id : null;
        checkIn.adapted = !planActive;
        checkIns.persist(checkIn);
        relay.trigger();
        followUp(checkIn, planActive ? plan : null, profile);
        return new CheckInView(checkIn.id, checkIn.outbox.eventId, answeredAt, request.pain(), checkIn.sessionId,
                assessment == null ? null : assessment.decision().name(), assessment == null ? null : assessment.reason(),
                current == null ? null : current.stepForWeek(checkIn.weekNumber + 1),
                next == null ? null : next.stepForWeek(checkIn.weekNumber + 1),
                current == null ? null : checkIn.weekNumber, current == null ? null : checkIn.step,
                current == null ? null : checkIn.weekNumber + 1,
                current == null ? null : current.stepForWeek(checkIn.weekNumber + 1),
                next == null ? null : next.stepForWeek(checkIn.weekNumber + 1));
    }

    /** The answer for a check-in recorded before (the steps it changed are not kept, so they are left out). */
    private CheckInView recorded(CheckInEntity checkIn) {
        int pain = documents.fromDocument(checkIn.outbox.data, PainCheckInV1.class).pain();
        PainAdaptation.Assessment assessment = checkIn.sessionId == null || checkIn.painBefore == null ? null
                : PainAdaptation.nextDay(pain, checkIn.painBefore);
        return new CheckInView(checkIn.id, checkIn.outbox.eventId, checkIn.painAt(), pain, checkIn.sessionId,
                assessment == null ? null : assessment.decision().name(),
                assessment == null ? null : assessment.reason(), null, null,
                checkIn.sessionId == null ? null : checkIn.weekNumber,
                checkIn.sessionId == null ? null : checkIn.step,
                checkIn.sessionId == null ? null : checkIn.weekNumber + 1, null, null);
    }

    /** The pain before the session (stored on it when completed; read from its completion in older data). */
    private int painBefore(SessionEntity session, int fallback) {
        if (session.painBefore != null) {
            return session.painBefore;
        }
        CompletionEntity completion = completions.findById(session.id);
        return completion == null ? fallback
                : documents.fromDocument(completion.outbox.data, SessionCompletedV1.class).painBefore();
    }

    /** Adapts the plan to the check-in and marks it adapted; idempotent. Failures are left to the sweep. */
    @WithSpan
    public void followUp(CheckInEntity checkIn) {
        if (followUp(checkIn, null, null)) {
            checkIns.markAdapted(List.of(checkIn.id));
        }
    }

    /**
     * As above, from the plan and profile the request has read (null: read them here); true once the plan has taken
     * the check-in into account. The request leaves the {@code adapted} flag to {@link
     * org.backrelief.planner.completion.AdaptationSweep} (one round trip less): the plan's {@code appliedReports}
     * (or its {@code lastPainAt}) show that the check-in was applied.
     */
    private boolean followUp(CheckInEntity checkIn, PlanEntity plan, ProfileEntity profile) {
        if (checkIn.adapted || checkIn.planId == null) {
            return false;
        }
        try {
            int pain = documents.fromDocument(checkIn.outbox.data, PainCheckInV1.class).pain();
            if (checkIn.sessionId == null) {
                planService.recordPain(checkIn.planId, pain, checkIn.painAt());
            } else {
                planService.applyReport(new PainReport(checkIn.planId, checkIn.reportKey(), AdjustmentView.CHECK_IN,
                        checkIn.sessionId, checkIn.id, checkIn.painBefore, pain,
                        PainAdaptation.nextDay(pain, checkIn.painBefore), checkIn.weekNumber, checkIn.step,
                        checkIn.painAt(), null), plan, profile);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Check-in %s recorded; adapting the plan will be retried: %s", checkIn.id, e.toString());
            return false;
        }
    }
}
