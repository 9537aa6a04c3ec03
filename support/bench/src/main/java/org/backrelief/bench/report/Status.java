package org.backrelief.bench.report;

/** Outcome of one figure against its target. */
public enum Status {
    /** Target met by the median of the repetitions. */
    PASS,
    /** Target missed by the median of the repetitions. */
    MISS,
    /** A figure without a target: context for the others. */
    INFO,
    /** The figure could not be measured (the section failed); the reason is in the section. */
    NA
}
