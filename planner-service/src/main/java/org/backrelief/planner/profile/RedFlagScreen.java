package org.backrelief.planner.profile;

import java.util.EnumSet;
import java.util.Set;

import org.backrelief.planner.safety.RedFlag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The red-flag screen as the person answers it: one yes/no per sign (an omitted or null answer is "no"), plus whether a
 * clinician has cleared the see-a-clinician signs.
 */
@Schema(description = "Red-flag screen: any urgent sign blocks all exercise; other signs block until a clinician clears them")
public record RedFlagScreen(
        @Schema(description = "Numbness between the legs, buttocks or inner thighs", example = "false") Boolean saddleNumbness,
        @Schema(example = "false") Boolean newBladderOrBowelProblems,
        @Schema(example = "false") Boolean progressiveLegWeaknessOrNumbness,
        @Schema(example = "false") Boolean historyOfCancer,
        @Schema(example = "false") Boolean unexplainedWeightLoss,
        @Schema(example = "false") Boolean fever,
        @Schema(example = "false") Boolean recentSignificantTrauma,
        @Schema(description = "Pain at night or at rest that does not ease", example = "false") Boolean nightOrRestPain,
        @Schema(description = "A clinician has assessed and cleared the non-urgent signs", example = "false")
        Boolean clearedByClinician) {

    public static final RedFlagScreen NONE = new RedFlagScreen(false, false, false, false, false, false, false, false,
            false);

    public Set<RedFlag> flags() {
        Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
        add(flags, saddleNumbness, RedFlag.SADDLE_NUMBNESS);
        add(flags, newBladderOrBowelProblems, RedFlag.NEW_BLADDER_OR_BOWEL_PROBLEMS);
        add(flags, progressiveLegWeaknessOrNumbness, RedFlag.PROGRESSIVE_LEG_WEAKNESS_OR_NUMBNESS);
        add(flags, historyOfCancer, RedFlag.HISTORY_OF_CANCER);
        add(flags, unexplainedWeightLoss, RedFlag.UNEXPLAINED_WEIGHT_LOSS);
        add(flags, fever, RedFlag.FEVER);
        add(flags, recentSignificantTrauma, RedFlag.RECENT_SIGNIFICANT_TRAUMA);
        add(flags, nightOrRestPain, RedFlag.NIGHT_OR_REST_PAIN);
        return flags;
    }

    public static RedFlagScreen of(Set<RedFlag> flags, boolean cleared) {
        return new RedFlagScreen(flags.contains(RedFlag.SADDLE_NUMBNESS),
                flags.contains(RedFlag.NEW_BLADDER_OR_BOWEL_PROBLEMS),
                flags.contains(RedFlag.PROGRESSIVE_LEG_WEAKNESS_OR_NUMBNESS), flags.contains(RedFlag.HISTORY_OF_CANCER),
                flags.contains(RedFlag.UNEXPLAINED_WEIGHT_LOSS), flags.contains(RedFlag.FEVER),
                flags.contains(RedFlag.RECENT_SIGNIFICANT_TRAUMA), flags.contains(RedFlag.NIGHT_OR_REST_PAIN), cleared);
    }

    /** An omitted answer is "no". */
    public boolean cleared() {
        return Boolean.TRUE.equals(clearedByClinician);
    }

    private static void add(Set<RedFlag> flags, Boolean answer, RedFlag flag) {
        if (Boolean.TRUE.equals(answer)) {
            flags.add(flag);
        }
    }
}
