package org.backrelief.tracking.ingest;

/** A record the tracker will not store, and why. */
public record DeadLetter(IncomingActivity source, Rejection reason, String detail) {
}
