package org.backrelief.gateway.backend;

import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Where the outcome of a backend call goes: exactly one of the two, once. Plain callbacks rather than Mutiny
 * {@code Uni}s on the relay's hot path: each {@code Uni} callback is wrapped for context propagation, which the JFR
 * profile of the bench showed at 5–22 % of a relayed request (BENCHMARKS.md, 2026-12-05).
 */
public interface Outcome<A> {

    void answered(A answer);

    void failed(Throwable failure);

    /** The outcome that completes or fails a Mutiny emitter: where a {@code Uni} is wanted after all. */
    static <A> Outcome<A> of(UniEmitter<? super A> emitter) {
        return new Outcome<>() {
            @Override
            public void answered(A answer) {
                emitter.complete(answer);
            }

            @Override
            public void failed(Throwable failure) {
                emitter.fail(failure);
            }
        };
    }
}
