package org.backrelief.common.lifecycle;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Set by a launcher that starts this service as its child (support/embedded-infra's {@code ServiceProcess}). */
@ConfigMapping(prefix = "backrelief.launcher")
public interface LauncherConfig {

    /** The launcher's process id: when that process is gone, {@link ParentProcessWatch} stops this service. */
    Optional<Long> parentPid();
}
