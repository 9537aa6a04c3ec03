package org.backrelief.common.lifecycle;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * When a launcher (the local stack, a test, the benchmark) starts this service as its child, the service shuts itself
 * down as soon as the launcher is gone, even if the launcher was killed without a chance to stop it: no orphans.
 */
@Singleton
public class ParentProcessWatch {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    private final LauncherConfig launcher;

    ParentProcessWatch(LauncherConfig launcher) {
        this.launcher = launcher;
    }

    void onStart(@Observes StartupEvent event) {
        launcher.parentPid().flatMap(ProcessHandle::of).ifPresent(parent -> parent.onExit().thenRun(() -> {
            LOG.warnf("Launcher process %d is gone; shutting down", parent.pid());
            Quarkus.asyncExit();
        }));
    }
}
