package org.backrelief.infra.mongo;

import java.nio.file.Path;

import org.backrelief.infra.EmbeddedMongo;

/** A child JVM for {@link AcknowledgedWritesSurviveKillTest}: hosts the persistent server until it is killed. */
public final class CrashHost {

    public static void main(String[] args) throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.persistent("127.0.0.1", 0, Path.of(args[0])).start();
        System.out.println("READY " + mongo.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
