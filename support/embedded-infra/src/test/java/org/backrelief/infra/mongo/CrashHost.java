package org.backrelief.infra.mongo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.backrelief.infra.EmbeddedMongo;

/**
 * A child JVM for the kill tests ({@link AcknowledgedWritesSurviveKillTest}, {@link EqualityIndexSurvivesKillTest}):
 * hosts the persistent server until it is killed.
 */
public final class CrashHost {

    public static void main(String[] args) throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.persistent("127.0.0.1", 0, Path.of(args[0])).start();
        System.out.println("READY " + mongo.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a host JVM on {@code dataDir}. */
    static Process start(Path dataDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashHost.class.getName(),
                dataDir.toString()).redirectErrorStream(true).start();
    }

    /** Waits until the host listens and returns its port; its output is drained from then on. */
    static int awaitPort(Process host) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (lines.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException ignored) {
                        // killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new IllegalStateException("the host JVM exited before it was ready");
    }
}
