package org.backrelief.tracking.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.backrelief.tracking.facts.CheckInFact;
import org.backrelief.tracking.facts.SessionFact;

/** A polled batch split into the facts to store (with the record each came from) and the rejects. */
public record DecodedBatch(
        List<SessionFact> sessions,
        List<IncomingActivity> sessionSources,
        List<CheckInFact> checkIns,
        List<IncomingActivity> checkInSources,
        List<DeadLetter> rejected) {

    public static DecodedBatch of(List<IncomingActivity> records, ActivityDecoder decoder) {
        DecodedBatch batch = new DecodedBatch(new ArrayList<>(records.size()), new ArrayList<>(records.size()),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (IncomingActivity record : records) {
            Decoded decoded = decoder.decode(record.value());
            if (decoded instanceof Decoded.Session session) {
                batch.sessions.add(session.fact());
                batch.sessionSources.add(record);
            } else if (decoded instanceof Decoded.CheckIn checkIn) {
                batch.checkIns.add(checkIn.fact());
                batch.checkInSources.add(record);
            } else if (decoded instanceof Decoded.Rejected rejected) {
                batch.rejected.add(new DeadLetter(record, rejected.reason(), rejected.detail()));
            }
        }
        return batch;
    }

    public boolean hasFacts() {
        return !sessions.isEmpty() || !checkIns.isEmpty();
    }

    /** Dead letters for the facts the store refused for good (positions as reported by the writer). */
    List<DeadLetter> refusedByStore(Map<Integer, String> sessionsRefused, Map<Integer, String> checkInsRefused) {
        List<DeadLetter> letters = new ArrayList<>();
        sessionsRefused.forEach((index, reason) ->
                letters.add(new DeadLetter(sessionSources.get(index), Rejection.REJECTED_BY_STORE, reason)));
        checkInsRefused.forEach((index, reason) ->
                letters.add(new DeadLetter(checkInSources.get(index), Rejection.REJECTED_BY_STORE, reason)));
        return letters;
    }
}
