package org.backrelief.infra;

/** Waiting between polls of a process or a file, for launchers and harnesses. */
public final class Pause {

    private Pause() {
    }

    /** Sleeps; an interrupt ends the wait early and stays set for the caller's loop to see. */
    public static void quietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
