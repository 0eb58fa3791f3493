package dev.kafkalab.cluster;

import dev.kafkalab.common.Os;
import dev.kafkalab.common.Threads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How the user stops, kills, freezes, resumes and starts the brokers of a remote cluster: a shell
 * command per action, for every broker ({@code {id}} stands for its id) or for one. For example
 * {@code kill=docker kill kafka-{id}}, {@code stop.2=ssh kafka2 sudo systemctl stop kafka}.
 * Each runs with a timeout; its output is kept for the person who asked.
 */
public final class BrokerCommands {

    public static final List<String> VERBS = List.of("stop", "kill", "pause", "resume", "start");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final int KEPT_LINES = 20;

    /** What a command printed (stdout and stderr, the last lines) and how it ended. */
    public record Output(int exitCode, List<String> lines) {

        public String tail() {
            return lines.isEmpty() ? "(no output)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 3),
                    lines.size()));
        }
    }

    private final Map<String, String> commands;
    private final Duration timeout;
    private final Os os;

    /** {@code commands}: "kill" or "kill.2" to a shell command line. */
    public BrokerCommands(Map<String, String> commands, Duration timeout, Os os) {
        for (String key : commands.keySet()) {
            String verb = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!VERBS.contains(verb)) {
                throw new IllegalArgumentException("'" + key + "' is not a broker command: use " + VERBS
                        + ", for every broker ({id} in the command) or one (kill.2=...).");
            }
            if (key.contains(".")) {
                try {
                    Integer.parseInt(key.substring(key.indexOf('.') + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + key + "': after the dot comes a broker id, e.g. kill.2");
                }
            }
        }
        this.commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
        this.timeout = timeout;
        this.os = os;
    }

    public static BrokerCommands none() {
        return new BrokerCommands(Map.of(), DEFAULT_TIMEOUT, Os.current());
    }

    /** Reads a properties file: one command per key, and {@code timeout.seconds} (default 60). */
    public static BrokerCommands read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String seconds = (String) p.remove("timeout.seconds");
        if (seconds != null) {
            try {
                timeout = Duration.ofSeconds(Integer.parseInt(seconds.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + ": timeout.seconds takes a whole number, was '" + seconds + "'");
            }
        }
        Map<String, String> commands = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> commands.put(k, p.getProperty(k).strip()));
        try {
            return new BrokerCommands(commands, timeout, Os.current());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return commands.isEmpty();
    }

    /** The command line for {@code verb} on broker {@code id}: its own, else the one for every broker. */
    public Optional<String> command(String verb, int id) {
        String own = commands.get(verb + "." + id);
        String any = commands.get(verb);
        String line = own != null ? own : any;
        return Optional.ofNullable(line).filter(l -> !l.isBlank()).map(l -> l.replace("{id}", Integer.toString(id)));
    }

    /**
     * Runs {@code verb}'s command for broker {@code id} in a shell; completes with its output when
     * it exits 0, fails with one sentence (and the last lines of output) when it exits otherwise,
     * cannot start or outlives the timeout (then it and its children are ended).
     */
    public CompletableFuture<Output> run(String verb, int id) {
        Optional<String> line = command(verb, id);
        if (line.isEmpty()) {
            return CompletableFuture.failedFuture(new ClusterException("No command is given to " + verb + " broker " + id
                    + " of this remote cluster: add one in the Broker commands file of Connection > Connect to a"
                    + " cluster... (e.g. " + verb
                    + "=ssh broker{id} sudo systemctl " + (verb.equals("kill") ? "kill -s KILL" : verb) + " kafka)."));
        }
        return CompletableFuture.supplyAsync(() -> runNow(verb, id, line.get()),
                runnable -> Threads.start("kafka-lab-broker-command", runnable));
    }

    private Output runNow(String verb, int id, String line) {
        List<String> shell = os == Os.WINDOWS ? List.of("cmd.exe", "/c", line) : List.of("/bin/sh", "-c", line);
        Process process;
        try {
            process = new ProcessBuilder(shell).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ClusterException("Could not run '" + line + "': " + e.getMessage(), e);
        }
        // Nothing to say to it: a command that reads its input ends at once instead of waiting.
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = Threads.start("kafka-lab-broker-command-output", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = in.readLine()) != null) {
                    lines.add(l);
                    if (lines.size() > KEPT_LINES) {
                        lines.remove(0);
                    }
                }
            } catch (IOException e) {
                // The process ended; what was read is kept.
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                // What it printed in its time: the shell's own "Killed" afterwards is not its output.
                List<String> printed = copy(lines);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new ClusterException("'" + line + "' (" + verb + " broker " + id + ") did not finish within "
                        + timeout.toSeconds() + " s and was ended. Its output: " + new Output(-1, printed).tail());
            }
            reader.join(2_000);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while running '" + line + "'.", e);
        }
        Output out = new Output(process.exitValue(), copy(lines));
        if (out.exitCode() != 0) {
            throw new ClusterException("'" + line + "' (" + verb + " broker " + id + ") failed with exit code "
                    + out.exitCode() + ": " + out.tail());
        }
        return out;
    }

    private static List<String> copy(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** For messages: the verbs that have a command, e.g. "stop, kill". */
    public String verbs() {
        return commands.keySet().stream().map(k -> k.contains(".") ? k.substring(0, k.indexOf('.')) : k).distinct()
                .map(v -> v.toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
