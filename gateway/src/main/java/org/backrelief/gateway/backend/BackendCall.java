package org.backrelief.gateway.backend;

import io.smallrye.mutiny.subscription.Cancellable;

/**
 * One attempt at a backend call, started by the {@link Guard} (once for a write, again for each retry of a read). The
 * returned handle abandons the attempt (a timeout, the client went away); abandoning a finished attempt does nothing.
 */
@FunctionalInterface
public interface BackendCall<A extends Answer> {

    Cancellable start(Outcome<? super A> outcome);
}
