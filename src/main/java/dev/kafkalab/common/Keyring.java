package dev.kafkalab.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's keyring, where there is one the app can reach: libsecret's
 * {@code secret-tool} on Linux (GNOME Keyring, KWallet), {@code security} on macOS. Passwords
 * are passed on stdin where the tool allows, never logged.
 */
public interface Keyring {

    Logger LOG = LoggerFactory.getLogger(Keyring.class);
    String SERVICE = "kafka-lab";

    /** Whether passwords can be kept here at all. */
    boolean available();

    /** Where passwords go, for people: "the GNOME keyring (secret-tool)". */
    String name();

    boolean store(String account, String password);

    Optional<String> lookup(String account);

    void forget(String account);

    /** This machine's keyring, or one that keeps nothing. */
    static Keyring system() {
        Os os = Os.current();
        if (os == Os.LINUX && onPath("secret-tool")) {
            return new Command("the desktop keyring (secret-tool)",
                    a -> List.of("secret-tool", "store", "--label=Kafka Lab: " + a, "service", SERVICE, "account", a),
                    a -> List.of("secret-tool", "lookup", "service", SERVICE, "account", a),
                    a -> List.of("secret-tool", "clear", "service", SERVICE, "account", a), p -> p);
        }
        if (os == Os.MACOS && onPath("security")) {
            return new Command("the macOS keychain",
                    a -> List.of("security", "add-generic-password", "-U", "-s", SERVICE, "-a", a, "-w"),
                    a -> List.of("security", "find-generic-password", "-s", SERVICE, "-a", a, "-w"),
                    a -> List.of("security", "delete-generic-password", "-s", SERVICE, "-a", a),
                    p -> p + "\n" + p + "\n");
        }
        return new None();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** No keyring: nothing is kept. */
    final class None implements Keyring {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String name() {
            return "no keyring";
        }

        @Override
        public boolean store(String account, String password) {
            return false;
        }

        @Override
        public Optional<String> lookup(String account) {
            return Optional.empty();
        }

        @Override
        public void forget(String account) {
            // Nothing kept.
        }
    }

    /** A keyring reached through a command-line tool. */
    final class Command implements Keyring {
        private final String name;
        private final java.util.function.Function<String, List<String>> store;
        private final java.util.function.Function<String, List<String>> lookup;
        private final java.util.function.Function<String, List<String>> forget;
        /** What the tool reads on stdin for a password: macOS's security asks for it twice. */
        private final java.util.function.UnaryOperator<String> stdin;

        Command(String name, java.util.function.Function<String, List<String>> store,
                java.util.function.Function<String, List<String>> lookup,
                java.util.function.Function<String, List<String>> forget,
                java.util.function.UnaryOperator<String> stdin) {
            this.name = name;
            this.stdin = stdin;
            this.store = store;
            this.lookup = lookup;
            this.forget = forget;
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean store(String account, String password) {
            return run(store.apply(account), stdin.apply(password)).isPresent();
        }

        @Override
        public Optional<String> lookup(String account) {
            // Only the line end the tool adds: a password may begin or end with a space.
            return run(lookup.apply(account), null).map(s -> s.endsWith("\n") ? s.substring(0, s.length() - 1) : s)
                    .filter(s -> !s.isEmpty());
        }

        @Override
        public void forget(String account) {
            run(forget.apply(account), null);
        }

        /** The tool's output when it exits 0 within 10 s; empty otherwise (logged, without the password). */
        private static Optional<String> run(List<String> command, String stdin) {
            java.nio.file.Path out = null;
            try {
                // Into a file, not a pipe: a tool waiting for the keyring to be unlocked must not hang the app.
                out = java.nio.file.Files.createTempFile("kafka-lab-keyring", ".out");
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                        .redirectOutput(out.toFile()).start();
                try (OutputStream in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin.getBytes(StandardCharsets.UTF_8));
                    }
                }
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    LOG.info("{} did not answer within 10 s", command.get(0));
                    return Optional.empty();
                }
                return p.exitValue() == 0 ? Optional.of(java.nio.file.Files.readString(out, StandardCharsets.UTF_8))
                        : Optional.empty();
            } catch (IOException e) {
                LOG.info("The keyring tool {} could not run", command.get(0), e);
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } finally {
                if (out != null) {
                    try {
                        java.nio.file.Files.deleteIfExists(out);
                    } catch (IOException e) {
                        LOG.debug("Could not delete {}", out, e);
                    }
                }
            }
        }
    }
}
