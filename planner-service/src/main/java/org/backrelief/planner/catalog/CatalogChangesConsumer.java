package org.backrelief.planner.catalog;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.common.events.EventTypes;
import org.backrelief.common.events.ExerciseChangedV1;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps the catalog cache fresh from {@code backrelief.catalog.changes} (CloudEvents as JSON strings). The cache is per
 * replica, so the consumer group is too ({@code planner-service.catalog-cache.<POD_NAME>}): every replica reads every
 * change. A record it cannot read is logged and skipped: it can never stop the consumer.
 */
@ApplicationScoped
public class CatalogChangesConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogChangesConsumer.class);

    private final ObjectMapper mapper;
    private final CatalogCache cache;

    public CatalogChangesConsumer(ObjectMapper mapper, CatalogCache cache) {
        this.mapper = mapper;
        this.cache = cache;
    }

    @Incoming("catalog-changes")
    public void onChange(String value) {
        try {
            JsonNode event = mapper.readTree(value);
            String type = event.path("type").asText("");
            if (!EventTypes.EXERCISE_CHANGED_V1.equals(type)) {
                LOG.debugf("Ignoring catalog event of type '%s'", type);
                return;
            }
            JsonNode data = event.path("data");
            String exerciseId = data.path("exerciseId").asText(event.path("subject").asText(null));
            JsonNode version = data.path("version");
            if (exerciseId == null || exerciseId.isBlank() || !version.isIntegralNumber()) {
                cache.reloadSoon(); // nothing to check a reload against: reload once
                return;
            }
            boolean deleted = ExerciseChangedV1.Change.DELETED.name().equals(data.path("change").asText(""));
            cache.changed(new CatalogChange(exerciseId, version.asLong(), deleted));
        } catch (Exception e) {
            LOG.warnf("Ignoring an unreadable catalog change event: %s", e.getMessage());
        }
    }
}
