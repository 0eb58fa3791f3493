package dev.kafkalab.common;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where a desktop app keeps its data and its caches, per user, per platform. */
public final class AppDirs {
    private static final String NAME = "kafka-lab";
    private static final String PRETTY_NAME = "Kafka Lab";

    private AppDirs() {
    }

    /** Kept across runs: topics survive an app restart. */
    public static Path data() {
        return data(Os.current(), Path.of(System.getProperty("user.home")), System::getenv);
    }

    /** Where {@code os} keeps a user's app data, given their home and environment. */
    public static Path data(Os os, Path home, UnaryOperator<String> env) {
        return switch (os) {
            case WINDOWS -> Path.of(env(env, "LOCALAPPDATA", home.resolve("AppData/Local").toString()), PRETTY_NAME);
            case MACOS -> home.resolve("Library/Application Support").resolve(PRETTY_NAME);
            default -> Path.of(env(env, "XDG_DATA_HOME", home.resolve(".local/share").toString()), NAME);
        };
    }

    /** Safe to delete: rebuilt when missing (class-data sharing archives). */
    public static Path cache() {
        return cache(Os.current(), Path.of(System.getProperty("user.home")), System::getenv);
    }

    /** Where {@code os} keeps a user's caches, given their home and environment. */
    public static Path cache(Os os, Path home, UnaryOperator<String> env) {
        return switch (os) {
            case WINDOWS -> Path.of(env(env, "LOCALAPPDATA", home.resolve("AppData/Local").toString()), PRETTY_NAME,
                    "cache");
            case MACOS -> home.resolve("Library/Caches").resolve(PRETTY_NAME);
            default -> Path.of(env(env, "XDG_CACHE_HOME", home.resolve(".cache").toString()), NAME);
        };
    }

    /** The java launcher of this very JVM: every JVM the app starts runs the same Java. */
    public static Path javaLauncher() {
        return Os.current().javaLauncher(Path.of(System.getProperty("java.home")));
    }

    public static boolean isWindows() {
        return Os.current() == Os.WINDOWS;
    }

    private static String env(UnaryOperator<String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
