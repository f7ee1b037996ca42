package dev.microshop.kafkabroker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Prepares the data directory: writes the effective server.properties, keeps one cluster id for the
 * life of the data, and formats the KRaft storage the first time.
 */
final class BrokerStorage {

    private final BrokerSettings settings;

    BrokerStorage(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Returns the server.properties file the broker runs with. */
    Path prepare() throws IOException {
        Files.createDirectories(settings.logDir());
        Path propertiesFile = settings.dataDir().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            settings.serverProperties().store(out, "Generated at every start from the KAFKA_* environment");
        }
        format(propertiesFile, clusterId());
        return propertiesFile;
    }

    /**
     * The same id on every start: the formatted log directory refuses to run under another one. The nodes of a
     * cluster start at once and share the file: the first to hold its lock writes it.
     */
    private String clusterId() throws IOException {
        Path file = settings.clusterIdFile();
        try (FileChannel lock = FileChannel.open(
                        file.resolveSibling("cluster.id.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        }
    }

    private static void format(Path propertiesFile, String clusterId) {
        // execute() reports through its return code; StorageTool.main would call Exit.exit.
        int status = StorageTool.execute(
                new String[] {
                    "format", "--cluster-id", clusterId, "--config", propertiesFile.toString(), "--ignore-formatted"
                },
                System.out);
        if (status != 0) {
            throw new IllegalStateException("Formatting the Kafka storage failed with status " + status);
        }
    }
}
