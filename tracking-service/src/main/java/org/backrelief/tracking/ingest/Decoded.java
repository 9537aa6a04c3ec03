package org.backrelief.tracking.ingest;

import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;

/** The outcome of reading one activity record: a fact to store, or the reason it cannot be. */
public sealed interface Decoded {

    record Session(SessionFact fact) implements Decoded {
    }

    record CheckIn(CheckInFact fact) implements Decoded {
    }

    record Rejected(Rejection reason, String detail) implements Decoded {
    }
}
