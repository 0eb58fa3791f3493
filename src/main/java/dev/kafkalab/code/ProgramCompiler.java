package dev.kafkalab.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a learner's program (one {@code .java} file, or a folder of them) with the JDK's own
 * compiler, in this JVM, against kafka-clients: each error with its file, line and the
 * compiler's message, and the class whose {@code main} runs it.
 */
public final class ProgramCompiler {

    /** Said where the runtime has no compiler: the rest of the app works without one. */
    public static final String NO_COMPILER = "This Java runtime has no compiler (the jdk.compiler module), so"
            + " programs cannot be compiled: start Kafka Lab on a JDK 17 or later (./mvnw javafx:run uses the JDK"
            + " that builds it).";

    /**
     * One thing the compiler refused.
     *
     * @param file   the source file, or null for a problem of the whole program (no main)
     * @param line   1-based, 0 when it has none
     * @param column 1-based, 0 when it has none
     */
    public record Problem(Path file, long line, long column, String message) {

        /** {@code Producer.java:12: ';' expected}, as compilers print. */
        @Override
        public String toString() {
            return (file == null ? "" : file.getFileName() + ":" + (line > 0 ? line + ":" : "") + " ") + message;
        }
    }

    /**
     * What came of a compile.
     *
     * @param mainClass the class whose main runs the program, null when there are problems
     */
    public record Result(List<Problem> problems, String mainClass, Path classes) {

        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Pattern MAIN = Pattern.compile("\\bstatic\\s+void\\s+main\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final JavaCompiler compiler;
    private final ProgramClasspath classpath;

    private ProgramCompiler(JavaCompiler compiler, ProgramClasspath classpath) {
        this.compiler = compiler;
        this.classpath = classpath;
    }

    /** The JDK's compiler, or empty on a runtime without one (say {@link #NO_COMPILER}). */
    public static Optional<ProgramCompiler> of(ProgramClasspath classpath) {
        return Optional.ofNullable(ToolProvider.getSystemJavaCompiler()).map(c -> new ProgramCompiler(c, classpath));
    }

    /** Compiles {@code source} (a file or a folder) into {@code classes}, emptied first. */
    public Result compile(Path source, Path classes) {
        List<Path> files = sources(source);
        if (files.isEmpty()) {
            return new Result(List.of(new Problem(null, 0, 0, "No .java file in " + source + ".")), null, classes);
        }
        empty(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files0 = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", classpath.compileClasspath(),
                    "--release", "17", "-encoding", "UTF-8", "-proc:none", "-g");
            boolean ok = compiler.getTask(null, files0, diagnostics, options, null,
                    files0.getJavaFileObjectsFromPaths(files)).call();
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    Path file = d.getSource() == null ? null : Path.of(d.getSource().toUri());
                    problems.add(new Problem(file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()),
                            d.getMessage(Locale.ENGLISH)));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add(new Problem(null, 0, 0, "The compiler refused the program without saying why."));
            }
            if (!problems.isEmpty()) {
                return new Result(problems, null, classes);
            }
            return mainClass(files).map(main -> new Result(List.of(), main, classes)).orElseGet(() -> new Result(
                    List.of(new Problem(null, 0, 0, "No main method: add public static void main(String[] args)"
                            + " to a class.")), null, classes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class of the first file (in name order) that declares a main method. */
    public static Optional<String> mainClass(List<Path> files) throws IOException {
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (MAIN.matcher(text).find()) {
                Matcher pkg = PACKAGE.matcher(text);
                String name = file.getFileName().toString().replaceFirst("\\.java$", "");
                return Optional.of(pkg.find() ? pkg.group(1) + "." + name : name);
            }
        }
        return Optional.empty();
    }

    private static List<Path> sources(Path source) {
        if (Files.isRegularFile(source)) {
            return source.toString().endsWith(".java") ? List.of(source) : List.of();
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void empty(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
