package dev.kafkalab.app;

import dev.kafkalab.common.AppDirs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options the app runs with, in one place: {@code ./mvnw javafx:run} passes them (the
 * javafx-maven-plugin's options in pom.xml, which {@code AppJvmTest} holds to this list), and the
 * benchmarks relaunch themselves with them, so that they measure the app as it is started.
 *
 * <p>{@code -XX:TieredStopAtLevel=1}: hot code is compiled by C1 alone, as in the node JVMs. On
 * two cores shared with four node JVMs, C2 took a third of a core for tens of seconds after the
 * first stream began, while the window's code waited, still interpreted, for its turn to be
 * compiled: that stream stalled frames for 100-200 ms. With C1 alone the code is compiled within
 * the stream's first second. Steady-state code is slower, which the window does not feel, and
 * the producer still outruns Kafka's own ProducerPerformance (README, bench-produce).
 */
public final class AppJvm {

    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    /** Set in a relaunched JVM: it never relaunches again, and it ends when its launcher does. */
    static final String RELAUNCHED = "kafkalab.relaunched";

    private AppJvm() {
    }

    /** Whether this JVM was started with {@link #OPTIONS} (or is a relaunch that should have them). */
    static boolean hasOptions() {
        return Boolean.getBoolean(RELAUNCHED)
                || ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(OPTIONS);
    }

    /**
     * Runs {@code Main args} again in a JVM with {@link #OPTIONS} and this JVM's own options,
     * sharing this one's terminal, and returns its exit code. Ctrl+C or a kill of this JVM ends
     * the other one too, through its own shutdown hooks (which stop a cluster it started).
     */
    static int relaunch(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(AppDirs.javaLauncher().toString());
        cmd.addAll(OPTIONS);
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-D" + RELAUNCHED + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "kafka-lab-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        Runtime.getRuntime().removeShutdownHook(stopChild);
        return code;
    }

    /**
     * In a relaunched JVM: exits (running the shutdown hooks) when the launcher is gone, even
     * killed with -9, which runs no hook of the launcher's.
     */
    static void endWithLauncher() {
        if (!Boolean.getBoolean(RELAUNCHED)) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> {
            System.err.println("error: the launching JVM ended: stopping.");
            System.exit(3);
        }));
    }
}
