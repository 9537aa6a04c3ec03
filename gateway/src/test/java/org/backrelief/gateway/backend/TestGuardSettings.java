package org.backrelief.gateway.backend;

import java.time.Duration;

/** {@link GuardConfig} with every value given, for the guards' unit tests. */
record TestGuardSettings(Implementation implementation, Duration readTimeout, Duration writeTimeout, int readRetries,
        Duration retryDelay, Duration retryJitter, Duration retryMaxDuration, int breakerVolume,
        double breakerFailureRatio, Duration breakerDelay, int breakerSuccesses, int maxConcurrentCalls)
        implements GuardConfig {
}
