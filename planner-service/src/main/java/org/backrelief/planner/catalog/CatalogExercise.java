package org.backrelief.planner.catalog;

import java.time.Instant;
import java.util.List;

import org.backrelief.common.domain.Equipment;
import org.backrelief.common.domain.Impact;
import org.backrelief.common.domain.Level;
import org.backrelief.common.domain.Phase;
import org.backrelief.common.domain.Position;
import org.backrelief.common.domain.Source;
import org.backrelief.common.domain.Target;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One exercise as catalog-service serves it: the content file's fields plus {@code version}, {@code deleted} and
 * {@code updatedAt}. Unknown fields are ignored on purpose: the catalog may grow without breaking the planner.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogExercise(
        String id,
        String name,
        List<String> aliases,
        String summary,
        List<String> steps,
        List<PhaseEntry> phases,
        List<Target> targets,
        List<Equipment> equipment,
        Position position,
        boolean floor,
        Impact impact,
        int difficulty,
        Level minLevel,
        String breathing,
        List<String> cautions,
        boolean consultDoctorFirst,
        List<String> ladder,
        long version,
        boolean deleted,
        Instant updatedAt) {

    /** The dose the guide gives an exercise in one phase. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseEntry(Phase phase, String guideSection, Dose dose, Position position) {

        public PhaseEntry(Phase phase, String guideSection, Dose dose) {
            this(phase, guideSection, dose, null);
        }
    }

    /** Ranges are inclusive; a null range means the guide prescribes nothing of that kind for the phase. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dose(Range holdSeconds, Range reps, Range sets, boolean perSide, Range minutes,
            Integer restSeconds, Range timesPerWeek, String note, Source source, String sourceNote) {

        public Dose {
            source = source == null ? Source.DEFAULT : source; // unknown provenance is never claimed as the guide's
        }

        public Dose(Range holdSeconds, Range reps, Range sets, boolean perSide, Range minutes, Integer restSeconds,
                Range timesPerWeek, String note) {
            this(holdSeconds, reps, sets, perSide, minutes, restSeconds, timesPerWeek, note, null, null);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(int min, int max) {
    }
}
