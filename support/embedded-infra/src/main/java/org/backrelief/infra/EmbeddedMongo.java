package org.backrelief.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import org.backrelief.infra.mongo.IndexedBackends;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB wire-protocol server (mongo-java-server) reached over TCP by the ordinary MongoDB driver.
 * <p>
 * With a data folder it uses the H2 backend, so data survives a restart; otherwise it keeps data in memory. Either
 * way non-unique secondary indexes are kept (see {@link IndexedBackends}), so queries by an indexed field do not scan.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class);

    private final String host;
    private final Path dataDir;
    private int port;
    private MongoServer server;

    private EmbeddedMongo(String host, int port, Path dataDir) {
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Data kept on disk under {@code dataDir}; port 0 picks a free port. */
    public static EmbeddedMongo persistent(String host, int port, Path dataDir) {
        return new EmbeddedMongo(host, port, dataDir);
    }

    /** Data in memory, on a free loopback port; it lives as long as the server runs. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo("127.0.0.1", 0, null);
    }

    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        server = new MongoServer(backend());
        port = port == 0 ? FreePorts.find(host) : port;
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        LOG.infof("MongoDB wire-protocol server ready at %s:%d (%s)", address.getHostString(), address.getPort(),
                dataDir == null ? "in memory" : "data: " + dataDir);
        return this;
    }

    private MongoBackend backend() {
        if (dataDir == null) {
            return IndexedBackends.memory();
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create MongoDB data folder " + dataDir, e);
        }
        return IndexedBackends.h2(dataDir.resolve("mongo.mv").toString());
    }

    /** Stops accepting connections and closes open ones; with a data folder nothing is lost. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
