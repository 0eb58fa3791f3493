package dev.kafkalab.common;

import java.nio.file.Path;
import java.util.Locale;

/** Where a desktop app keeps its data and its caches, per user, per platform. */
public final class AppDirs {
    private static final String NAME = "kafka-lab";
    private static final String PRETTY_NAME = "Kafka Lab";

    private AppDirs() {
    }

    /** Kept across runs: topics survive an app restart. */
    public static Path data() {
        String os = os();
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            return Path.of(env("LOCALAPPDATA", home.resolve("AppData/Local").toString()), PRETTY_NAME);
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support").resolve(PRETTY_NAME);
        }
        return Path.of(env("XDG_DATA_HOME", home.resolve(".local/share").toString()), NAME);
    }

    /** Safe to delete: rebuilt when missing (class-data sharing archives). */
    public static Path cache() {
        String os = os();
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            return Path.of(env("LOCALAPPDATA", home.resolve("AppData/Local").toString()), PRETTY_NAME, "cache");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Caches").resolve(PRETTY_NAME);
        }
        return Path.of(env("XDG_CACHE_HOME", home.resolve(".cache").toString()), NAME);
    }

    /** The java launcher of this very JVM: every JVM the app starts runs the same Java. */
    public static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
    }

    public static boolean isWindows() {
        return os().contains("win");
    }

    private static String os() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
