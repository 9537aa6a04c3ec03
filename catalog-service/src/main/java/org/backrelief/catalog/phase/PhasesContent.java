package org.backrelief.catalog.phase;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The schema of {@code content/phases.json}: the five phases, in order. */
public record PhasesContent(
        @NotNull @Min(1) Integer contentVersion,
        @NotNull List<@NotNull @Valid PhaseInfo> phases) {
}
