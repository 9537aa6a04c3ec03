package org.backrelief.planner.catalog;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * Reads the whole catalog, page by page. Guarded: each attempt is bounded in time, retried briefly, and a failing
 * catalog opens the circuit so callers fail fast instead of piling up (values overridable with MicroProfile Fault
 * Tolerance config keys, e.g. {@code CatalogLoader/fetchAll/Retry/maxRetries}).
 */
@ApplicationScoped
public class CatalogLoader {

    /** The catalog's largest page size. */
    public static final int PAGE_SIZE = 100;
    /** A bound on pages read, against a catalog that never stops paging. */
    public static final int MAX_PAGES = 200;

    private final CatalogClient client;
    private final int pageSize;

    public CatalogLoader(@RestClient CatalogClient client, CatalogConfig config) {
        this.client = client;
        this.pageSize = Math.max(1, Math.min(PAGE_SIZE, config.pageSize()));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    @WithSpan
    public List<CatalogExercise> fetchAll() {
        List<CatalogExercise> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            ExercisePage result = client.page(page, pageSize);
            List<CatalogExercise> items = result == null || result.items() == null ? List.of() : result.items();
            all.addAll(items);
            if (items.size() < pageSize || all.size() >= result.total()) {
                return all;
            }
        }
        return all;
    }
}
