package io.hirepipe.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol compatible server (mongo-java-server) running in this JVM, reachable by the ordinary
 * MongoDB Java driver at {@link #connectionString()}.
 *
 * <p>It covers CRUD, indexes (including unique ones) and common aggregation stages, but not multi-document
 * transactions or {@code $text} search: code meant to run against real MongoDB as well must stay within that.
 *
 * <p>Without a data file everything is kept in memory. With one, data goes to an H2 MVStore file and survives
 * a restart; writes are committed to the file about once a second and on {@link #close()}, so a killed
 * process ({@code kill -9}) can lose the last second.
 *
 * <p>With a slow-operation threshold, every query, update, delete, count or aggregation slower than it is logged
 * ({@link SlowOperationLog}): the library uses only {@code _id} and unique indexes, so this names the queries that
 * read whole collections as data grows.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MongoServer server;
    private final int port;
    private final Path dataFile;

    private EmbeddedMongo(MongoServer server, int port, Path dataFile) {
        this.server = server;
        this.port = port;
        this.dataFile = dataFile;
    }

    /**
     * @param port     the port on 127.0.0.1, or 0 for any free port
     * @param dataFile the H2 MVStore file to keep data in (created with its directories when absent),
     *                 or {@code null} to keep data in memory only
     * @throws PortInUseException when the port is taken
     */
    public static EmbeddedMongo start(int port, Path dataFile) {
        return start(port, dataFile, Duration.ZERO);
    }

    /**
     * @param slowOperations log every operation that takes at least this long (database, collection, filter shape
     *                       without values, duration); zero: log none, at no cost
     * @see #start(int, Path)
     */
    public static EmbeddedMongo start(int port, Path dataFile, Duration slowOperations) {
        PortCheck.requireFree("MongoDB", port);
        QuietInfraLogging.apply();
        MongoBackend backend = backend(dataFile);
        if (!slowOperations.isNegative() && !slowOperations.isZero()) {
            backend = new SlowOperationLog(backend, slowOperations, slow -> log.warn("{}", slow));
            log.info("Embedded MongoDB logs operations slower than {} ms", slowOperations.toMillis());
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(PortCheck.LOOPBACK, port);
        } catch (RuntimeException failure) {
            // bind(..) has already shut the server and its backend down
            if (port != 0 && PortCheck.isBindFailure(failure)) {
                throw new PortInUseException("MongoDB", port, failure);
            }
            throw new IllegalStateException("Embedded MongoDB did not start: " + failure.getMessage(), failure);
        }
        int boundPort = server.getLocalAddress().getPort();
        log.info("Embedded MongoDB started on 127.0.0.1:{} ({})", boundPort,
                dataFile == null ? "in memory" : "data in " + dataFile.toAbsolutePath());
        return new EmbeddedMongo(server, boundPort, dataFile == null ? null : dataFile.toAbsolutePath());
    }

    /** For example {@code mongodb://127.0.0.1:27017}; no database name, applications choose their own. */
    public String connectionString() {
        return "mongodb://" + PortCheck.LOOPBACK + ":" + port;
    }

    public String host() {
        return PortCheck.LOOPBACK;
    }

    public int port() {
        return port;
    }

    /** The file data is kept in, empty when data is kept in memory. */
    public Optional<Path> dataFile() {
        return Optional.ofNullable(dataFile);
    }

    /** Stops the server and, with a data file, writes all data to it. */
    @Override
    public void close() {
        server.shutdown();
    }

    private static MongoBackend backend(Path dataFile) {
        if (dataFile == null) {
            return new MemoryBackend();
        }
        Path file = dataFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for the MongoDB data file " + file, e);
        }
        try {
            return new IdPlannedH2Backend(file.toString());
        } catch (RuntimeException e) {
            // typically the file is locked because another local stack is still running on it
            throw new IllegalStateException("Cannot open the MongoDB data file " + file + ": " + e.getMessage()
                    + " (is another local stack still running? otherwise delete the file to start empty)", e);
        }
    }
}
