package dev.kafkalab.common;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The operating system the app runs on, and what that changes: where it keeps its data, the
 * name of the java launcher, and whether a process can be frozen (SIGSTOP/SIGCONT) or niced.
 */
public enum Os {
    LINUX, MACOS, WINDOWS, OTHER;

    /** This machine's, from {@code os.name}. */
    public static Os current() {
        return of(System.getProperty("os.name", ""));
    }

    /** From an {@code os.name} value: "Linux", "Mac OS X", "Windows 11", ... */
    public static Os of(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return name.startsWith("linux") ? LINUX : OTHER;
    }

    /** SIGSTOP and SIGCONT exist: a broker can be frozen and resumed. Windows has neither. */
    public boolean canFreeze() {
        return this != WINDOWS;
    }

    /** {@code nice} and {@code renice} exist to lower a process's priority. */
    public boolean canNice() {
        return this != WINDOWS;
    }

    /** The java launcher of the runtime at {@code javaHome}. */
    public Path javaLauncher(Path javaHome) {
        return javaHome.resolve("bin").resolve(this == WINDOWS ? "java.exe" : "java");
    }

    /** Why a broker cannot be frozen here, in one sentence with what to do instead; empty where it can. */
    public String noFreeze() {
        return canFreeze() ? "" : "Freezing needs SIGSTOP, which Windows does not have: stop or kill the broker instead.";
    }
}
