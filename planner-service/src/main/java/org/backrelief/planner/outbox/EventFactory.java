package org.backrelief.planner.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.CloudEvent;
import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.PainCheckInV1;
import org.backrelief.common.events.SessionCompletedV1;
import org.backrelief.planner.checkin.CheckInEntity;
import org.backrelief.planner.completion.CompletionEntity;
import org.backrelief.planner.support.Documents;
import org.backrelief.planner.support.PlannerConfig;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns stored outbox records into the CloudEvents JSON published on {@code backrelief.activity}. */
@ApplicationScoped
public class EventFactory {

    private final Documents documents;
    private final String source;

    public EventFactory(Documents documents, PlannerConfig config) {
        this.documents = documents;
        this.source = config.events().source();
    }

    public String sessionCompleted(CompletionEntity completion) {
        SessionCompletedV1 data = documents.fromDocument(completion.data, SessionCompletedV1.class);
        return json(CloudEvent.of(completion.eventId, source, EventTypes.SESSION_COMPLETED_V1, completion.userId,
                data.completedAt(), data));
    }

    public String painCheckIn(CheckInEntity checkIn) {
        PainCheckInV1 data = documents.fromDocument(checkIn.data, PainCheckInV1.class);
        return json(CloudEvent.of(checkIn.eventId, source, EventTypes.PAIN_CHECKIN_V1, checkIn.userId,
                data.recordedAt(), data));
    }

    private String json(CloudEvent<?> event) {
        try {
            return documents.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.id(), e);
        }
    }
}
