package org.backrelief.catalog.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.backrelief.catalog.content.ContentSync.Action;
import org.backrelief.catalog.content.ContentSync.Stored;
import org.junit.jupiter.api.Test;

/** The rule deciding what a content file does to a stored exercise. */
class ContentSyncTest {

    private static final Instant EDITED = Instant.parse("2025-11-01T10:00:00Z");

    @Test
    void aNewExerciseIsInserted() {
        assertThat(ContentSync.decide(null, 1, "h1", null)).isEqualTo(Action.INSERT);
    }

    @Test
    void theSameOrAnOlderFileChangesNothing() {
        Stored stored = new Stored(2, "h2", false, null);
        assertThat(ContentSync.decide(stored, 2, "h2", null)).isEqualTo(Action.UNCHANGED);
        assertThat(ContentSync.decide(stored, 1, "h1", null)).isEqualTo(Action.UNCHANGED);
    }

    @Test
    void aChangedFileWithoutANewVersionIsReportedNotApplied() {
        assertThat(ContentSync.decide(new Stored(2, "h2", false, null), 2, "other", null))
                .isEqualTo(Action.CHANGED_WITHOUT_NEW_VERSION);
    }

    @Test
    void aNewerFileUpdatesAnExerciseNobodyEditedThroughTheApi() {
        assertThat(ContentSync.decide(new Stored(1, "h1", false, null), 2, "h2", null)).isEqualTo(Action.UPDATE);
    }

    @Test
    void anApiEditWinsOverAnUnchangedOrNewerFile() {
        Stored edited = new Stored(1, "h1", true, EDITED);
        assertThat(ContentSync.decide(edited, 1, "h1", null)).isEqualTo(Action.UNCHANGED);
        assertThat(ContentSync.decide(edited, 2, "h2", null)).isEqualTo(Action.KEEP_API_EDIT);
        assertThat(ContentSync.decide(edited, 2, "h2", EDITED)).as("not strictly older").isEqualTo(Action.KEEP_API_EDIT);
        assertThat(ContentSync.decide(edited, 2, "h2", EDITED.minusSeconds(1))).isEqualTo(Action.KEEP_API_EDIT);
    }

    @Test
    void aNewerFileReplacesAnApiEditOnlyWhenItSaysSoAndTheEditIsOlder() {
        Stored edited = new Stored(1, "h1", true, EDITED);
        assertThat(ContentSync.decide(edited, 2, "h2", EDITED.plusSeconds(1))).isEqualTo(Action.UPDATE);
        assertThat(ContentSync.decide(edited, 1, "h1", EDITED.plusSeconds(1))).as("but never an unchanged file")
                .isEqualTo(Action.UNCHANGED);
    }

    @Test
    void anExerciseCreatedThroughTheApiIsAnApiEdit() {
        Stored created = new Stored(null, null, true, EDITED);
        assertThat(ContentSync.decide(created, 1, "h1", null)).isEqualTo(Action.KEEP_API_EDIT);
        assertThat(ContentSync.decide(created, 1, "h1", EDITED.plusSeconds(60))).isEqualTo(Action.UPDATE);
    }
}
