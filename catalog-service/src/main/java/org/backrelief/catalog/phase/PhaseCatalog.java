package org.backrelief.catalog.phase;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.backrelief.catalog.content.ContentReader;

/** The phases, served straight from {@code content/phases.json} (validated when read; they change only by release). */
@ApplicationScoped
public class PhaseCatalog {

    private final List<PhaseInfo> phases;

    public PhaseCatalog(ContentReader reader) {
        this.phases = List.copyOf(reader.readPhases().phases());
    }

    public List<PhaseInfo> all() {
        return phases;
    }
}
