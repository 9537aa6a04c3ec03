package org.backrelief.planner.completion;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.backrelief.common.domain.Phase;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.common.events.SessionCompletedV1.ExerciseResult;
import org.backrelief.common.events.SessionCompletedV1.Status;
import org.backrelief.common.problem.ProblemException;
import org.backrelief.planner.outbox.OutboxEntry;
import org.backrelief.planner.outbox.OutboxRelay;
import org.backrelief.planner.plan.AdjustmentView;
import org.backrelief.planner.plan.CompletionWindow;
import org.backrelief.planner.plan.PainReport;
import org.backrelief.planner.plan.PlanEntity;
import org.backrelief.planner.plan.PlanStatus;
import org.backrelief.planner.plan.PlanService;
import org.backrelief.planner.plan.SessionEntity;
import org.backrelief.planner.plan.SessionRepository;
import org.backrelief.planner.profile.ProfileEntity;
import org.backrelief.planner.profile.UserZone;
import org.backrelief.planner.progression.PainAdaptation;
import org.backrelief.planner.progression.SessionEffort;
import org.backrelief.planner.progression.StepAnchor;
import org.backrelief.planner.routine.Routine;
import org.backrelief.planner.routine.Routine.Prescription;
import org.backrelief.planner.routine.Routine.RoutineExercise;
import org.backrelief.planner.routine.Routine.RoutinePhase;
import org.backrelief.planner.routine.TimingModel;
import org.backrelief.planner.support.Documents;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * Records a session completion exactly once and hands its event to the outbox.
 * <p>
 * Everything is validated before anything is written; the one write that counts is the insert of the completion
 * document (id = session id, so a second insert fails): it is at once the record, the idempotency key and the outbox
 * entry, so the event is stored atomically with the state it reports. Round trips (issue 18, budget 4): one read of
 * session, completion, plan and profile; the insert; the session marked done; the plan's versioned update. The follow-ups (session marked done, plan adapted) are idempotent and retried by {@link AdaptationSweep}
 * if they fail here.
 */
@ApplicationScoped
public class CompletionService {

    private static final Logger LOG = Logger.getLogger(CompletionService.class);

    private final CompletionRepository completions;
    private final SessionRepository sessions;
    private final CompletionWindow window;
    private final PlanService planService;
    private final Documents documents;
    private final Clock clock;
    private final OutboxRelay relay;
    private final Validator validator;

    public CompletionService(CompletionRepository completions, SessionRepository sessions, CompletionWindow window,
            PlanService planService, Documents documents, Clock clock,
            OutboxRelay relay, Validator validator) {
        this.completions = completions;
        this.sessions = sessions;
        this.window = window;
        this.planService = planService;
        this.documents = documents;
        this.clock = clock;
        this.relay = relay;
        this.validator = validator;
    }

    @WithSpan
    public CompletionView complete(String userId, String sessionId, CompletionRequest request) {
        // one round trip: the session with its completion (a retry), its plan and the profile
        CompletionContext context = completions.context(sessionId, userId)
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
        SessionEntity session = context.session();
        String fingerprint = fingerprint(request);
        if (context.existing() != null) {
            return replay(context.existing(), fingerprint);
        }
        PlanEntity plan = context.plan();
        if (plan == null || plan.status != PlanStatus.ACTIVE) {
            throw ProblemException.conflict("This session belongs to a plan that has been replaced;"
                    + " complete the sessions of your current plan");
        }
        ProfileEntity profile = context.profile();
        String zone = UserZone.of(profile, plan);
        window.requireCompletable(session, planService.today(zone), zone);
        LocalDate date = LocalDate.parse(session.scheduledDate);
        Routine routine = documents.fromDocument(session.routine, Routine.class);
        List<ExerciseResult> results = results(request.exercises(), routine);
        int duration = request.durationSeconds() != null ? request.durationSeconds()
                : Math.min(86_400, results.stream().mapToInt(ExerciseResult::durationSeconds).sum());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // every week of a program holds exactly sessionsPerWeek sessions (ProgramBuilder): no need to count them
        int scheduledThisWeek = plan.sessionsPerWeek;
        SessionCompletedV1 data = new SessionCompletedV1(SessionCompletedV1.SCHEMA_VERSION, userId, sessionId, plan.id,
                date, now, zone, session.weekNumber, scheduledThisWeek, plan.sessionsPerWeek, request.painBefore(),
                request.painAfter(), request.exertion(), duration, request.notes(), results);
        requireValid(data);

        SessionEffort effort = effort(request.exercises(), routine);
        PainAdaptation.Assessment assessment = PainAdaptation.afterSession(request.painBefore(), request.painAfter(),
                effort);
        StepAnchor current = plan.anchor();
        StepAnchor next = PainAdaptation.adapt(current, assessment.decision(), session.weekNumber, session.step);
        String eventId = UUID.randomUUID().toString();
        int before = current.stepForWeek(session.weekNumber + 1);
        int after = next.stepForWeek(session.weekNumber + 1);
        CompletionView view = new CompletionView(sessionId, plan.id, eventId, now, request.painBefore(),
                request.painAfter(), duration, assessment.decision().name(), assessment.reason(), before, after,
                session.weekNumber, session.step, session.weekNumber + 1, before, after, effort.exercisesDone(),
                effort.exercisesInSession(), effort.skippedForPain());

        CompletionEntity completion = new CompletionEntity();
        completion.id = sessionId;
        completion.userId = userId;
        completion.planId = plan.id;
        completion.createdAt = now;
        completion.fingerprint = fingerprint;
        completion.outbox = OutboxEntry.pending(eventId, EventTypes.SESSION_COMPLETED_V1, userId, data.completedAt(),
                documents.toDocument(data));
        completion.result = documents.toDocument(view);
        completion.weekNumber = session.weekNumber;
        completion.step = session.step;
        try {
            completions.persist(completion);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // a concurrent retry won the insert: answer as it did
                return replay(completions.findById(sessionId), fingerprint);
            }
            throw e;
        }
        relay.trigger(); // publish first: the event must not wait for the plan's adaptation
        followUp(completion, data, plan, profile, view);
        return view;
    }

    /** Marks the session done and adapts the plan; idempotent. Failures are left to the sweep. */
    @WithSpan
    public void followUp(CompletionEntity completion) {
        if (followUp(completion, null, null, null, null)) {
            completions.markAdapted(List.of(completion.id));
        }
    }

    /**
     * As above, reusing what the request has already read (null: read it here); true once the plan has taken the
     * completion into account. The request does not mark the completion {@code adapted} itself (one round trip
     * less): the plan records every report it applied ({@code appliedReports}), so {@link AdaptationSweep} confirms
     * the flag from the plan later, and applies the report itself only where the plan does not have it.
     */
    private boolean followUp(CompletionEntity completion, SessionCompletedV1 event, PlanEntity plan,
            ProfileEntity profile, CompletionView answered) {
        try {
            SessionCompletedV1 data = event != null ? event
                    : documents.fromDocument(completion.outbox.data, SessionCompletedV1.class);
            sessions.markCompleted(completion.id, completion.planId, data.completedAt(), data.painBefore());
            // the decision the person was told (it weighed the pain, how much was done and why things were skipped)
            CompletionView view = answered != null ? answered
                    : documents.fromDocument(completion.result, CompletionView.class);
            PainAdaptation.Assessment assessment = new PainAdaptation.Assessment(
                    PainAdaptation.Decision.valueOf(view.decision()), view.reason());
            SessionEffort effort = view.exercisesInSession() == null ? null
                    : new SessionEffort(view.exercisesDone(), view.exercisesInSession(), view.skippedForPain());
            planService.applyReport(new PainReport(completion.planId, completion.reportKey(), AdjustmentView.COMPLETION,
                    completion.id, null, data.painBefore(), data.painAfter(), assessment, completion.weekNumber,
                    completion.step, data.completedAt(), effort), plan, profile);
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("Completion %s recorded; adapting the plan will be retried: %s", completion.id, e.toString());
            return false;
        }
    }

    private CompletionView replay(CompletionEntity existing, String fingerprint) {
        if (!existing.fingerprint.equals(fingerprint)) {
            throw ProblemException.conflict("This session was already completed with different results");
        }
        return documents.fromDocument(existing.result, CompletionView.class);
    }

    /** How much of the session was done: DONE results against every exercise of the routine; skips for pain. */
    static SessionEffort effort(List<ExerciseResultRequest> requested, Routine routine) {
        int total = 0;
        for (RoutinePhase phase : routine.phases()) {
            total += phase.exercises().size();
        }
        int done = 0;
        int forPain = 0;
        for (ExerciseResultRequest r : requested) {
            if (r.status() == Status.DONE) {
                done++;
            } else if (SkipCause.of(r.skipCause(), r.skipReason()) == SkipCause.PAIN) {
                forPain++;
            }
        }
        return new SessionEffort(Math.min(done, total), total, forPain);
    }

    /** Checks every result against the session's routine and turns it into the event's form. */
    private List<ExerciseResult> results(List<ExerciseResultRequest> requested, Routine routine) {
        List<ExerciseResult> results = new ArrayList<>(requested.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ExerciseResultRequest r = requested.get(i);
            String field = "exercises[" + i + "]";
            RoutineExercise match = null;
            Phase phase = null;
            int found = 0;
            for (RoutinePhase routinePhase : routine.phases()) {
                for (RoutineExercise exercise : routinePhase.exercises()) {
                    if (exercise.exerciseId().equals(r.exerciseId())
                            && (r.phase() == null || r.phase() == routinePhase.phase())) {
                        found++;
                        match = exercise;
                        phase = routinePhase.phase();
                    }
                }
            }
            if (found == 0) {
                throw r.phase() == null
                        ? ProblemException.badRequest(field + ".exerciseId", "'" + r.exerciseId() + "' is not part of this session")
                        : ProblemException.badRequest(field + ".phase", "'" + r.exerciseId() + "' is not in the "
                                + r.phase() + " phase of this session");
            }
            if (found > 1) {
                throw ProblemException.badRequest(field + ".phase", "required: '" + r.exerciseId()
                        + "' is in more than one phase of this session");
            }
            if (!seen.add(r.exerciseId() + "@" + phase)) {
                throw ProblemException.badRequest(field, "'" + r.exerciseId() + "' (" + phase + ") is reported twice");
            }
            if (r.status() == Status.SKIPPED && (r.skipReason() == null || r.skipReason().isBlank())) {
                throw ProblemException.badRequest(field + ".skipReason", "required when status is SKIPPED");
            }
            results.add(new ExerciseResult(r.exerciseId(), phase, r.status(), r.skipReason(), r.sets(), r.reps(),
                    r.holdSeconds(), durationSeconds(r, match.prescription())));
        }
        return results;
    }

    /** What was done, timed with the same model as the estimate; prescribed numbers fill what was not reported. */
    static int durationSeconds(ExerciseResultRequest r, Prescription p) {
        if (r.status() == Status.SKIPPED) {
            return 0;
        }
        if (r.minutes() != null) {
            return r.minutes() * TimingModel.SECONDS_PER_MINUTE;
        }
        if (p.minutes() != null && r.sets() == null && r.reps() == null && r.holdSeconds() == null) {
            return p.minutes() * TimingModel.SECONDS_PER_MINUTE;
        }
        int sets = r.sets() != null ? r.sets() : p.sets() != null ? p.sets() : 1;
        int reps = r.reps() != null ? r.reps() : p.reps() != null ? p.reps() : 0;
        int hold = r.holdSeconds() != null ? r.holdSeconds() : p.holdSeconds() != null ? p.holdSeconds() : 0;
        int rest = p.restSeconds() != null ? p.restSeconds() : 0;
        if (sets == 0) {
            return 0;
        }
        return Math.min(86_400, TimingModel.workSeconds(sets, reps, hold, p.perSide(), 0, rest));
    }

    private void requireValid(SessionCompletedV1 data) {
        Set<ConstraintViolation<SessionCompletedV1>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            ConstraintViolation<SessionCompletedV1> first = violations.iterator().next();
            throw ProblemException.badRequest(first.getPropertyPath().toString(), first.getMessage());
        }
    }

    private String fingerprint(CompletionRequest request) {
        try {
            byte[] json = documents.mapper().writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint a completion request", e);
        }
    }
}
