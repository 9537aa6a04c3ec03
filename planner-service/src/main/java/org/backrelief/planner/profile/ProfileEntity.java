package org.backrelief.planner.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Level;
import org.backrelief.planner.safety.RedFlag;
import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** A stored profile; the id is the user id (token subject). */
@MongoEntity(collection = "profiles")
public class ProfileEntity {

    @BsonId
    public String id;
    public Level level;
    public int minutesPerSession;
    public int sessionsPerWeek;
    public List<Equipment> equipment = new ArrayList<>();
    public List<AvoidPosition> avoidPositions = new ArrayList<>();
    public List<Preference> preferences = new ArrayList<>();
    public int currentPain;
    public List<RedFlag> redFlags = new ArrayList<>();
    public boolean clearedByClinician;
    public String zoneId;
    /** Checked with a doctor that strengthening exercises are safe (absent in older documents: false). */
    public boolean doctorCheckedStrengthening;
    /** When the red-flag screen was last answered, and the pain at that time (to notice a jump). */
    public Instant screenedAt;
    public int painAtScreening;
    public Instant createdAt;
    public Instant updatedAt;

    public ProfileSpec toSpec() {
        return new ProfileSpec(level, minutesPerSession, sessionsPerWeek, new HashSet<>(equipment),
                new HashSet<>(avoidPositions), new HashSet<>(preferences), currentPain,
                new HashSet<>(redFlags), clearedByClinician, zoneId, doctorCheckedStrengthening);
    }
}
