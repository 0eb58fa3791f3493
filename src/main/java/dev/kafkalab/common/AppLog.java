package dev.kafkalab.common;

import java.nio.file.Path;

/**
 * Where the app's log goes: {@code logs/kafka-lab.log} in its data directory, rolled at 5 MiB
 * (src/main/resources/log4j2.xml). A launcher calls {@link #init()} before anything logs, so
 * every command (the window, the headless cluster, the benches) writes to the same place.
 */
public final class AppLog {

    /** The system property log4j2.xml reads the folder from. */
    public static final String DIR_PROPERTY = "kafkalab.log.dir";

    private AppLog() {
    }

    /** Points the log at the data directory unless something (a test run) already chose a folder. */
    public static void init() {
        if (System.getProperty(DIR_PROPERTY) == null) {
            System.setProperty(DIR_PROPERTY, AppDirs.data().resolve("logs").toString());
        }
    }

    /** The log file this process writes. */
    public static Path file() {
        String dir = System.getProperty(DIR_PROPERTY);
        Path folder = dir == null ? AppDirs.data().resolve("logs") : Path.of(dir);
        return folder.resolve("kafka-lab.log");
    }
}
