package org.backrelief.planner.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.problem.ProblemException;
import org.backrelief.planner.plan.PlanService;
import org.backrelief.planner.safety.SafetyGate;
import org.jboss.logging.Logger;

import io.opentelemetry.instrumentation.annotations.WithSpan;

/** Profiles: stored whole; every save is also a fresh answer to the red-flag screen. */
@ApplicationScoped
public class ProfileService {

    private static final Logger LOG = Logger.getLogger(ProfileService.class);

    private final ProfileRepository profiles;
    private final PlanService plans;
    private final Clock clock;
    private final SafetyGate gate = new SafetyGate();

    public ProfileService(ProfileRepository profiles, PlanService plans, Clock clock) {
        this.profiles = profiles;
        this.plans = plans;
        this.clock = clock;
    }

    public ProfileView get(String userId) {
        return view(profiles.findByIdOptional(userId).orElseThrow(() -> ProblemException.notFound("Profile")));
    }

    @WithSpan
    public ProfileView put(String userId, ProfileRequest request) {
        ProfileSpec spec = request.toSpec();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ProfileEntity entity = profiles.findByIdOptional(userId).orElseGet(() -> {
            ProfileEntity created = new ProfileEntity();
            created.id = userId;
            created.createdAt = now;
            return created;
        });
        entity.level = spec.level();
        entity.minutesPerSession = spec.minutesPerSession();
        entity.sessionsPerWeek = spec.sessionsPerWeek();
        entity.equipment = new ArrayList<>(spec.equipment());
        entity.avoidPositions = new ArrayList<>(spec.avoidPositions());
        entity.preferences = new ArrayList<>(spec.preferences());
        entity.currentPain = spec.currentPain();
        entity.redFlags = new ArrayList<>(spec.redFlags());
        entity.clearedByClinician = spec.clearedByClinician();
        entity.zoneId = spec.zoneId();
        entity.doctorCheckedStrengthening = spec.doctorCheckedStrengthening();
        entity.screenedAt = now;
        entity.painAtScreening = spec.currentPain();
        entity.updatedAt = now;
        profiles.persistOrUpdate(entity);
        try {
            // restrictions may have changed: the open sessions must respect them now
            plans.profileChanged(userId);
        } catch (RuntimeException e) {
            LOG.warnf("Profile of %s saved; its open sessions are recomposed when next shown: %s", userId, e.toString());
        }
        return view(entity);
    }

    private ProfileView view(ProfileEntity entity) {
        return ProfileView.of(entity, gate.evaluate(entity.toSpec().redFlags(), entity.clearedByClinician,
                entity.currentPain));
    }
}
