package org.backrelief.bench.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.backrelief.infra.EmbeddedKafka;
import org.backrelief.infra.EmbeddedMongo;

/**
 * Runs the embedded Kafka broker or the embedded MongoDB server alone in a child JVM, so the benchmark can read each
 * one's memory and CPU on its own and the load generator never shares a heap with them.
 * <p>
 * Usage: {@code kafka <dataDir>} or {@code mongo <dataDir> <h2|memory>}. Prints {@code READY <address>} once serving;
 * stops when its standard input closes (the benchmark ended or died) or on SIGTERM.
 */
public final class InfraMain {

    public static final String READY = "READY ";

    private static final List<Logger> QUIET = List.of(Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("de.bwaldvogel"), Logger.getLogger("io.smallrye"), Logger.getLogger("org.h2"));

    private InfraMain() {
    }

    public static void main(String[] args) throws Exception {
        // one line per record on stderr (the log file): the servers' warnings (e.g. ignored indexes) matter here
        Logging.toConsole(Level.INFO);
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: kafka <dataDir> | mongo <dataDir> <h2|memory>");
        }
        Path dataDir = Path.of(args[1]);
        AutoCloseable server;
        String address;
        switch (args[0]) {
            case "kafka" -> {
                EmbeddedKafka kafka = EmbeddedKafka.persistent("127.0.0.1", 0, 0, dataDir).start();
                server = kafka;
                address = kafka.bootstrapServers();
            }
            case "mongo" -> {
                boolean memory = args.length > 2 && "memory".equals(args[2]);
                EmbeddedMongo mongo = memory ? EmbeddedMongo.inMemory().start()
                        : EmbeddedMongo.persistent("127.0.0.1", 0, dataDir).start();
                server = mongo;
                address = mongo.connectionString();
            }
            default -> throw new IllegalArgumentException("unknown server " + args[0]);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(server);
            stop.countDown();
        }, "infra-shutdown"));
        System.out.println(READY + address);
        System.out.flush();
        Thread watcher = new Thread(() -> {
            awaitEndOfInput(System.in);
            System.exit(0);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stop.await();
    }

    private static void awaitEndOfInput(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the parent never writes; end of input means it is gone
            }
        } catch (IOException e) {
            // parent gone
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // shutting down anyway
        }
    }
}
