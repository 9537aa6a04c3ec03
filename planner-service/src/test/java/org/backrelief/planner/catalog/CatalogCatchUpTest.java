package org.backrelief.planner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.backrelief.planner.testsupport.CatalogContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Following exercise-changed events until a reload shows them: what a snapshot shows, when to reload again (Mutiny's
 * backoff, on a virtual clock here), when to give up. Plain unit tests over the real content files.
 */
class CatalogCatchUpTest {

    static final Duration DEBOUNCE = Duration.ofMillis(200);
    static final Duration RETRY_DELAY = Duration.ofSeconds(10);

    final FakeReloads reloads = new FakeReloads();
    final ManualTimers timers = new ManualTimers();
    final List<GivenUp> givenUp = new ArrayList<>();
    final CatalogCatchUp catchUp = new CatalogCatchUp(reloads, timers, DEBOUNCE, RETRY_DELAY,
            new CatalogCatchUp.StaleRetry(Duration.ofMillis(500), Duration.ofSeconds(2), 4), this::gaveUp);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

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
        reloads.answer(catalog(Map.of("plank", 1L)));
        assertThat(catchUp.follow(update)).isTrue();
        timers.runAll();

        assertThat(timers.delays).as("waits between reloads").containsExactly(500L, 1000L, 2000L, 2000L);
        assertThat(reloads.asked).as("first after the debounce, retries at once after their wait")
                .containsExactly(DEBOUNCE, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        assertThat(givenUp).containsExactly(new GivenUp(update, 5));
        assertThat(catchUp.pending()).isEmpty();
    }

    @Test
    void aFreshReloadSettlesTheChange() {
        reloads.answer(catalog(Map.of("plank", 1L)), catalog(Map.of("plank", 2L)));
        catchUp.follow(new CatalogChange("plank", 2, false));
        timers.runAll();

        assertThat(reloads.asked).hasSize(2);
        assertThat(timers.delays).containsExactly(500L);
        assertThat(givenUp).isEmpty();
        assertThat(catchUp.pending()).isEmpty();
    }

    @Test
    void severalPendingEventsAreEachFollowedAndOnlyTheUnseenOnesAreRetried() {
        reloads.answer(catalog(Map.of("plank", 2L, "bird-dog", 2L, "superman", 1L)));
        catchUp.follow(new CatalogChange("plank", 2, false));
        catchUp.follow(new CatalogChange("bird-dog", 3, false));
        catchUp.follow(new CatalogChange("superman", 2, true));

        assertThat(timers.delays).containsExactly(500L, 500L);
        assertThat(catchUp.pending()).containsExactlyInAnyOrder(new CatalogChange("bird-dog", 3, false),
                new CatalogChange("superman", 2, true));
    }

    @Test
    void eventsForOneExerciseCoalesceIntoTheNewest() {
        reloads.answer(catalog(Map.of("plank", 1L)));
        assertThat(catchUp.follow(new CatalogChange("plank", 2, false))).isTrue();
        assertThat(catchUp.follow(new CatalogChange("plank", 3, true))).isTrue();
        assertThat(catchUp.follow(new CatalogChange("plank", 2, false))).as("older, arriving late").isFalse();
        assertThat(catchUp.follow(new CatalogChange("plank", 3, true))).as("delivered twice").isFalse();
        assertThat(catchUp.pending()).containsExactly(new CatalogChange("plank", 3, true));
        assertThat(timers.live()).as("the older change's retry is cancelled").isEqualTo(1);
    }

    @Test
    void aDuplicateEventDoesNotRestartTheRetries() {
        CatalogChange update = new CatalogChange("plank", 2, false);
        reloads.answer(catalog(Map.of("plank", 1L)));
        catchUp.follow(update);
        catchUp.follow(update);
        timers.runNext();
        assertThat(timers.delays).containsExactly(500L, 1000L);
        assertThat(reloads.asked).hasSize(2);
    }

    @Test
    void aNewerEventStartsItsOwnFollowWithTheDebouncedReload() {
        reloads.answer(catalog(Map.of("plank", 1L)));
        catchUp.follow(new CatalogChange("plank", 2, false));
        catchUp.follow(new CatalogChange("plank", 3, false));

        assertThat(reloads.asked).containsExactly(DEBOUNCE, DEBOUNCE);
        assertThat(timers.live()).as("only the newest change waits to retry").isEqualTo(1);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void anUnreachableCatalogIsRetriedWithoutUsingUpTheStaleRetries() {
        CatalogChange update = new CatalogChange("plank", 2, false);
        reloads.fail(3);
        reloads.answer(catalog(Map.of("plank", 2L)));
        catchUp.follow(update);
        timers.runAll();

        assertThat(timers.delays).as("the fixed retry delay while unreachable").containsExactly(10_000L, 10_000L,
                10_000L);
        assertThat(givenUp).isEmpty();
        assertThat(catchUp.pending()).isEmpty();
    }

    @Test
    void noRetriesConfiguredGivesUpAfterTheFirstStaleReload() {
        CatalogCatchUp once = new CatalogCatchUp(reloads, timers, DEBOUNCE, RETRY_DELAY,
                new CatalogCatchUp.StaleRetry(Duration.ofMillis(500), Duration.ofSeconds(2), 0), this::gaveUp);
        CatalogChange update = new CatalogChange("plank", 2, false);
        reloads.answer(catalog(Map.of("plank", 1L)));
        once.follow(update);
        timers.runAll();
        assertThat(timers.delays).isEmpty();
        assertThat(givenUp).containsExactly(new GivenUp(update, 1));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        CatalogCatchUp many = new CatalogCatchUp(reloads, timers, DEBOUNCE, RETRY_DELAY,
                new CatalogCatchUp.StaleRetry(Duration.ofMillis(500), Duration.ofSeconds(4), 40), this::gaveUp);
        CatalogChange update = new CatalogChange("plank", 2, false);
        reloads.answer(catalog(Map.of("plank", 1L)));
        many.follow(update);
        timers.runAll();
        assertThat(timers.delays).hasSize(40);
        assertThat(timers.delays.subList(0, 4)).containsExactly(500L, 1000L, 2000L, 4000L);
        assertThat(timers.delays.subList(3, 40)).containsOnly(4000L);
        assertThat(givenUp).containsExactly(new GivenUp(update, 41));
    }

    record GivenUp(CatalogChange change, int reloads) {
    }

    void gaveUp(CatalogChange change, int reloads) {
        givenUp.add(new GivenUp(change, reloads));
    }

    /** Reloads answered at once with the given snapshots (the last one again when they run out), or failing. */
    static final class FakeReloads implements CatalogCatchUp.Reloads {
        final List<Duration> asked = new ArrayList<>();
        final Deque<Object> answers = new ArrayDeque<>();
        Object last;

        void answer(CatalogSnapshot... snapshots) {
            answers.addAll(List.of(snapshots));
        }

        void fail(int times) {
            for (int i = 0; i < times; i++) {
                answers.add(new IllegalStateException("catalog unreachable"));
            }
        }

        @Override
        public Uni<CatalogSnapshot> startingIn(Duration delay) {
            asked.add(delay);
            Object answer = answers.isEmpty() ? last : answers.poll();
            last = answer;
            return answer instanceof RuntimeException failure ? Uni.createFrom().failure(failure)
                    : Uni.createFrom().item((CatalogSnapshot) answer);
        }
    }

    /** Timers that fire only when told to (a virtual clock), recording every wait asked for. */
    static final class ManualTimers extends ScheduledThreadPoolExecutor {
        record Timer(Runnable task, ScheduledFuture<?> handle) {
        }

        final List<Long> delays = new ArrayList<>();
        final Deque<Timer> timers = new ArrayDeque<>();

        ManualTimers() {
            super(1);
        }

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
            ScheduledFuture<?> handle = super.schedule(() -> { }, 1, TimeUnit.DAYS);
            delays.add(unit.toMillis(delay));
            timers.add(new Timer(task, handle));
            return handle;
        }

        /** Fires the next timer not cancelled; false when none is left. */
        boolean runNext() {
            Timer timer;
            synchronized (this) {
                do {
                    timer = timers.poll();
                } while (timer != null && timer.handle().isCancelled());
            }
            if (timer == null) {
                return false;
            }
            timer.task().run();
            return true;
        }

        void runAll() {
            for (int i = 0; i < 1000 && runNext(); i++) {
                // until no timer is left
            }
        }

        synchronized long live() {
            return timers.stream().filter(t -> !t.handle().isCancelled()).count();
        }
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
