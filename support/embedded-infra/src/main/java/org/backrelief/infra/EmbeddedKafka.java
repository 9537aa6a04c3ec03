package org.backrelief.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node Kafka broker in KRaft mode (broker + controller), running in this JVM.
 * <p>
 * With a data folder, the log and the cluster id survive restarts, so a second start serves the same topics.
 * Without one, everything lives in a temporary folder deleted on close.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class);

    private final String host;
    private final Path dataDir;
    private final boolean ephemeral;
    private int port;
    private int controllerPort;
    private EmbeddedKafkaBroker broker;

    private EmbeddedKafka(String host, int port, int controllerPort, Path dataDir, boolean ephemeral) {
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    /** A broker that keeps its data in {@code dataDir}; port 0 picks a free port. */
    public static EmbeddedKafka persistent(String host, int port, int controllerPort, Path dataDir) {
        return new EmbeddedKafka(host, port, controllerPort, dataDir, false);
    }

    /** A broker on free ports whose data is deleted on close. */
    public static EmbeddedKafka ephemeral() {
        try {
            return new EmbeddedKafka("127.0.0.1", 0, 0, Files.createTempDirectory("backrelief-kafka"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized EmbeddedKafka start() {
        if (broker != null) {
            return this;
        }
        Path logDir = dataDir.resolve("kafka-logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data folder " + logDir, e);
        }
        // Fixed ports after the first start, so a restarted broker is found where clients left it.
        port = port == 0 ? FreePorts.find(host) : port;
        controllerPort = controllerPort == 0 ? FreePorts.find(host) : controllerPort;
        long started = System.nanoTime();
        broker = new EmbeddedKafkaBroker()
                .withNodeId(1)
                .withKafkaHost(host)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(clusterId())
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dirs", logDir.toString());
                    props.put("num.partitions", "3");
                    props.put("auto.create.topics.enable", "true");
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("offsets.topic.num.partitions", "3");
                    // A restarted controller keeps the broker's last registration "in session" for one session
                    // timeout and refuses the new start meanwhile (DuplicateBrokerRegistrationException, even after a
                    // controlled shutdown): with the default 9 s a restart over existing data took 13 s instead of 3.
                    // One broker, heartbeats over loopback inside this JVM: 3 s is ample (measured: `./run.sh restart
                    // kafka` 3.4 s, the whole stack over existing data ready in 9.8 s).
                    // The controller must handle each heartbeat within half the interval, or it logs an ERROR
                    // ("controller event queue overloaded"): at 250 ms that happened in CI while four service JVMs
                    // started on 2 cores. 1 s gives it 500 ms and still leaves two heartbeats per session.
                    props.put("broker.heartbeat.interval.ms", "1000");
                    props.put("broker.session.timeout.ms", "3000");
                })
                .start();
        LOG.infof("Kafka broker ready at %s in %d ms (data: %s)", bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000, logDir);
        return this;
    }

    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Stops and starts the broker on the same ports with the same data, as a crash and recovery would. */
    public synchronized void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return broker != null;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        stop();
        if (ephemeral) {
            FileTrees.deleteQuietly(dataDir);
        }
    }

    private String clusterId() {
        Path idFile = dataDir.resolve("cluster-id");
        try {
            if (Files.exists(idFile)) {
                return Files.readString(idFile).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(idFile, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + idFile, e);
        }
    }
}
