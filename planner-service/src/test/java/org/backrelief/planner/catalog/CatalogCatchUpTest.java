package org.backrelief.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.backrelief.planner.testsupport.CatalogContent;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The decision after a reload triggered by exercise-changed events: what the new snapshot shows, what to reload again
 * for and when, when to give up. Plain unit tests over the real content files.
 */
class PendingChangesTest {

    static final Duration DEBOUNCE = Duration.ofMillis(200);
    static final ReloadBackoff BACKOFF = new ReloadBackoff(Duration.ofMillis(500), Duration.ofSeconds(2), 4);

    final PendingChanges pending = new PendingChanges(DEBOUNCE, BACKOFF);

    @Test
    void anUpdateIsSeenOnlyAtItsVersionOrLater() {
        CatalogChange update = new CatalogChange("plank", 2, false);
        assertThat(update.seenIn(catalog(Map.of("plank", 1L)))).as("stale replica").isFalse();
        assertThat(update.seenIn(catalog(Map.of("plank", 2L)))).isTrue();
        assertThat(update.seenIn(catalog(Map.of("plank", 3L)))).as("a later write").isTrue();
        assertThat(new CatalogChange("new-move", 1, false).seenIn(catalog(Map.of())))
                .as("a creation the replica does not list yet").isFalse();
    }

    @Test
    void aDeletionIsSeenWhenTheExerciseIsNoLongerListedOrRestoredLater() {
        CatalogChange deletion = new CatalogChange("plank", 2, true);
        assertThat(deletion.seenIn(catalog(Map.of("plank", 1L)))).as("still listed by a stale replica").isFalse();
        assertThat(deletion.seenIn(catalogWithout("plank"))).isTrue();
        assertThat(deletion.seenIn(catalog(Map.of("plank", 3L)))).as("restored after the delete").isTrue();
    }

    @Test
    void anExerciseSkippedAsUnusableStillCountsAsListedAtItsVersion() {
        ObjectNode broken = served("plank");
        broken.put("version", 2L);
        broken.remove("name");
        CatalogSnapshot snapshot = snapshot(List.of(broken));
        assertThat(snapshot.exercise("plank")).isEmpty();
        assertThat(new CatalogChange("plank", 2, false).seenIn(snapshot)).isTrue();
    }

    @Test
    void staleReloadsAreRetriedWithDoublingDelaysThenGivenUp() {
        CatalogChange update = new CatalogChange("plank", 2, false);
        assertThat(pending.add(update)).isTrue();
        CatalogSnapshot stale = catalog(Map.of("plank", 1L));

        List<Optional<Duration>> delays = new ArrayList<>();
        PendingChanges.Settlement settlement;
        do {
            settlement = pending.settle(pending.toCheck(), stale);
            delays.add(settlement.nextReload());
        } while (settlement.givenUp().isEmpty() && delays.size() < 10);

        assertThat(delays).containsExactly(Optional.of(Duration.ofMillis(500)), Optional.of(Duration.ofSeconds(1)),
                Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofSeconds(2)), Optional.empty());
        assertThat(settlement.givenUp()).containsExactly(new PendingChanges.GivenUp(update, 5));
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void aFreshReloadSettlesTheChange() {
        pending.add(new CatalogChange("plank", 2, false));
        pending.settle(pending.toCheck(), catalog(Map.of("plank", 1L)));

        PendingChanges.Settlement settlement = pending.settle(pending.toCheck(), catalog(Map.of("plank", 2L)));

        assertThat(settlement.nextReload()).isEmpty();
        assertThat(settlement.givenUp()).isEmpty();
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void severalPendingEventsShareOneReloadAndOnlyTheUnseenOnesAreRetried() {
        pending.add(new CatalogChange("plank", 2, false));
        pending.add(new CatalogChange("bird-dog", 3, false));
        pending.add(new CatalogChange("superman", 2, true));

        PendingChanges.Settlement settlement = pending.settle(pending.toCheck(),
                catalog(Map.of("plank", 2L, "bird-dog", 2L, "superman", 1L)));

        assertThat(settlement.nextReload()).contains(Duration.ofMillis(500));
        assertThat(pending.toCheck()).containsExactlyInAnyOrder(new CatalogChange("bird-dog", 3, false),
                new CatalogChange("superman", 2, true));
    }

    @Test
    void eventsForOneExerciseCoalesceIntoTheNewest() {
        assertThat(pending.add(new CatalogChange("plank", 2, false))).isTrue();
        assertThat(pending.add(new CatalogChange("plank", 3, true))).isTrue();
        assertThat(pending.add(new CatalogChange("plank", 2, false))).as("older, arriving late").isFalse();
        assertThat(pending.add(new CatalogChange("plank", 3, true))).as("delivered twice").isFalse();
        assertThat(pending.toCheck()).containsExactly(new CatalogChange("plank", 3, true));
    }

    @Test
    void aDuplicateEventDoesNotRestartTheRetries() {
        CatalogChange update = new CatalogChange("plank", 2, false);
        pending.add(update);
        CatalogSnapshot stale = catalog(Map.of("plank", 1L));
        pending.settle(pending.toCheck(), stale);
        pending.add(update);
        assertThat(pending.settle(pending.toCheck(), stale).nextReload()).contains(Duration.ofSeconds(1));
    }

    @Test
    void aChangeArrivingDuringAReloadIsNotCountedAsStaleByIt() {
        CatalogChange plank = new CatalogChange("plank", 2, false);
        pending.add(plank);
        List<CatalogChange> checked = pending.toCheck();
        // while the reload runs: a new exercise changes, and plank changes again
        CatalogChange birdDog = new CatalogChange("bird-dog", 2, false);
        pending.add(birdDog);
        pending.add(new CatalogChange("plank", 3, false));

        PendingChanges.Settlement settlement = pending.settle(checked, catalog(Map.of("plank", 2L)));

        // plank v2 is seen but v3 is pending, like bird-dog: neither was asked of this reload, so no backoff yet
        assertThat(settlement.nextReload()).contains(DEBOUNCE);
        assertThat(settlement.givenUp()).isEmpty();
        assertThat(pending.toCheck()).containsExactlyInAnyOrder(birdDog, new CatalogChange("plank", 3, false));
    }

    @Test
    void noRetriesConfiguredGivesUpAfterTheFirstStaleReload() {
        PendingChanges once = new PendingChanges(DEBOUNCE, new ReloadBackoff(Duration.ofMillis(500),
                Duration.ofSeconds(2), 0));
        CatalogChange update = new CatalogChange("plank", 2, false);
        once.add(update);
        PendingChanges.Settlement settlement = once.settle(once.toCheck(), catalog(Map.of("plank", 1L)));
        assertThat(settlement.nextReload()).isEmpty();
        assertThat(settlement.givenUp()).containsExactly(new PendingChanges.GivenUp(update, 1));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        ReloadBackoff backoff = new ReloadBackoff(Duration.ofMillis(500), Duration.ofSeconds(4), 40);
        assertThat(backoff.delayBeforeRetry(1)).contains(Duration.ofMillis(500));
        assertThat(backoff.delayBeforeRetry(2)).contains(Duration.ofSeconds(1));
        assertThat(backoff.delayBeforeRetry(4)).contains(Duration.ofSeconds(4));
        assertThat(backoff.delayBeforeRetry(40)).contains(Duration.ofSeconds(4));
        assertThat(backoff.delayBeforeRetry(41)).isEmpty();
    }

    /** The real catalog, with these exercises listed at these versions (version 1 for the rest). */
    static CatalogSnapshot catalog(Map<String, Long> versions) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (ObjectNode node : CatalogContent.servedJson()) {
            ObjectNode copy = node.deepCopy();
            Long version = versions.get(copy.get("id").asText());
            if (version != null) {
                copy.put("version", version);
            }
            nodes.add(copy);
        }
        return snapshot(nodes);
    }

    /** The real catalog without {@code id}, as the catalog lists it once it is deleted. */
    static CatalogSnapshot catalogWithout(String id) {
        return snapshot(CatalogContent.servedJson().stream().filter(n -> !n.get("id").asText().equals(id)).toList());
    }

    static ObjectNode served(String id) {
        return CatalogContent.servedJson().stream().filter(n -> n.get("id").asText().equals(id)).findFirst()
                .orElseThrow().deepCopy();
    }

    static CatalogSnapshot snapshot(List<ObjectNode> nodes) {
        return CatalogSnapshot.of(nodes.stream().map(n -> CatalogContent.MAPPER.convertValue(n, CatalogExercise.class))
                .toList(), CatalogContent.UPDATED_AT);
    }
}
