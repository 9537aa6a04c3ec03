package org.backrelief.gateway.dashboard;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One part of the dashboard. When its backend cannot answer, the part says so ({@code available=false} and why)
 * and the rest of the dashboard is still served.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DashboardSection")
public record Section(
        @Schema(example = "true") boolean available,
        @Schema(description = "Why the section is not available", example = "tracking-service is unavailable; try again shortly") String reason,
        @Schema(type = SchemaType.OBJECT, description = "The section's content as the owning service returns it; absent when there is nothing (e.g. no program yet)") JsonNode data) {

    public static Section of(JsonNode data) {
        return new Section(true, null, data);
    }

    public static Section empty() {
        return new Section(true, null, null);
    }

    public static Section unavailable(String reason) {
        return new Section(false, reason, null);
    }
}
