package org.backrelief.planner.profile;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.safety.RedFlag;

/**
 * A person's situation as the domain sees it: what the composer, the safety gate and the program builder read.
 * Validated at the edge (REST DTOs); here the sets are defensive, immutable copies.
 *
 * @param equipment what is at hand; an exercise qualifies only when all its equipment is in here
 * @param avoidPositions positions the person cannot or should not take
 * @param currentPain 0-10 right now
 * @param clearedByClinician a clinician has assessed the see-a-clinician red flags (never lifts urgent ones)
 * @param zoneId IANA time zone; "today" and session dates are in this zone
 * @param doctorCheckedStrengthening the person has checked with their doctor that strengthening exercises are safe
 *        for them (the guide: "Before beginning any type of strengthening exercises, it is important to consult with
 *        your doctor"); until then every routine with strengthening carries one notice saying so
 */
public record ProfileSpec(
        Level level,
        int minutesPerSession,
        int sessionsPerWeek,
        Set<Equipment> equipment,
        Set<AvoidPosition> avoidPositions,
        Set<Preference> preferences,
        int currentPain,
        Set<RedFlag> redFlags,
        boolean clearedByClinician,
        String zoneId,
        boolean doctorCheckedStrengthening) {

    public static final int MIN_MINUTES = 10;
    public static final int MAX_MINUTES = 90;
    public static final int MIN_SESSIONS_PER_WEEK = 1;
    public static final int MAX_SESSIONS_PER_WEEK = 7;
    public static final String DEFAULT_ZONE = "UTC";

    /** A profile that has not (yet) recorded the doctor check about strengthening. */
    public ProfileSpec(Level level, int minutesPerSession, int sessionsPerWeek, Set<Equipment> equipment,
            Set<AvoidPosition> avoidPositions, Set<Preference> preferences, int currentPain, Set<RedFlag> redFlags,
            boolean clearedByClinician, String zoneId) {
        this(level, minutesPerSession, sessionsPerWeek, equipment, avoidPositions, preferences, currentPain, redFlags,
                clearedByClinician, zoneId, false);
    }

    public ProfileSpec {
        equipment = copy(equipment, Equipment.class);
        avoidPositions = copy(avoidPositions, AvoidPosition.class);
        preferences = copy(preferences, Preference.class);
        redFlags = copy(redFlags, RedFlag.class);
        zoneId = zoneId == null || zoneId.isBlank() ? DEFAULT_ZONE : zoneId;
    }

    public ProfileSpec withSessionsPerWeek(int perWeek) {
        return new ProfileSpec(level, minutesPerSession, perWeek, equipment, avoidPositions, preferences, currentPain,
                redFlags, clearedByClinician, zoneId, doctorCheckedStrengthening);
    }

    private static <E extends Enum<E>> Set<E> copy(Collection<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            for (E value : values) {
                if (value != null) {
                    copy.add(value);
                }
            }
        }
        return Collections.unmodifiableSet(copy);
    }
}
