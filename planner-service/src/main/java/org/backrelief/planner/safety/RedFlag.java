package org.backrelief.planner.safety;

/**
 * The red-flag screen. {@link Severity#URGENT} signs can mean nerve compression (cauda equina syndrome): no exercise,
 * urgent care. {@link Severity#SEE_CLINICIAN} signs can mean a serious underlying cause (infection, fracture, cancer):
 * no plan until a clinician has assessed and cleared the person.
 */
public enum RedFlag {
    SADDLE_NUMBNESS(Severity.URGENT, "numbness in the saddle area (between the legs, buttocks, inner thighs)"),
    NEW_BLADDER_OR_BOWEL_PROBLEMS(Severity.URGENT, "new problems controlling your bladder or bowels"),
    PROGRESSIVE_LEG_WEAKNESS_OR_NUMBNESS(Severity.URGENT, "leg weakness or numbness that is getting worse"),
    HISTORY_OF_CANCER(Severity.SEE_CLINICIAN, "a history of cancer"),
    UNEXPLAINED_WEIGHT_LOSS(Severity.SEE_CLINICIAN, "unexplained weight loss"),
    FEVER(Severity.SEE_CLINICIAN, "fever"),
    RECENT_SIGNIFICANT_TRAUMA(Severity.SEE_CLINICIAN, "a recent fall, accident or other significant injury"),
    NIGHT_OR_REST_PAIN(Severity.SEE_CLINICIAN, "pain at night or at rest that does not ease");

    public enum Severity {
        URGENT,
        SEE_CLINICIAN
    }

    private final Severity severity;
    private final String description;

    RedFlag(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
