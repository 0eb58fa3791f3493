package dev.kafkalab.cli;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import dev.kafkalab.code.ProgramRun;
import dev.kafkalab.common.AppDirs;
import dev.kafkalab.common.Folders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code kafka-lab bench-code [RUNS]}: how long Run takes on a warm app, from the press to the
 * first line a 100-line producer prints as its {@code main} begins: the compile in the app, then
 * the program's JVM start up to its {@code main}. Two runs warm the compiler first, as a learner's
 * first Run does. Prints {@code NAME median=X min=Y max=Z ms} per measure.
 */
public final class CodeBenchCommand {

    private final PrintStream out;
    private final PrintStream err;

    public CodeBenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> args) {
        int runs = args.isEmpty() ? 7 : Integer.parseInt(args.get(0));
        Path dir = null;
        try {
            ProgramClasspath classpath = ProgramClasspath.resolve(AppDirs.cache());
            ProgramCompiler compiler = ProgramCompiler.of(classpath).orElse(null);
            if (compiler == null) {
                err.println("error: " + ProgramCompiler.NO_COMPILER);
                return 1;
            }
            dir = Files.createTempDirectory("kafka-lab-bench-code-");
            Path source = Files.writeString(dir.resolve("BenchProducer.java"), program());
            List<Double> compile = new ArrayList<>();
            List<Double> start = new ArrayList<>();
            List<Double> total = new ArrayList<>();
            double first = 0;
            for (int i = -2; i < runs; i++) {
                long pressed = System.nanoTime();
                ProgramCompiler.Result compiled = compiler.compile(source, dir.resolve("classes"));
                if (!compiled.ok()) {
                    err.println("error: the benchmark's program does not compile: " + compiled.problems());
                    return 1;
                }
                long built = System.nanoTime();
                CompletableFuture<Long> entered = new CompletableFuture<>();
                try (ProgramRun run = ProgramRun.start(classpath, compiled.classes(), compiled.mainClass(), List.of(),
                        dir, (stream, at, line) -> {
                            if (line.equals("main entered")) {
                                entered.complete(System.nanoTime());
                            }
                        })) {
                    long inMain = entered.get(60, TimeUnit.SECONDS);
                    run.exited().get(60, TimeUnit.SECONDS);
                    if (i == -2) {
                        first = (inMain - pressed) / 1e6;
                    }
                    if (i >= 0) {
                        compile.add((built - pressed) / 1e6);
                        start.add((inMain - built) / 1e6);
                        total.add((inMain - pressed) / 1e6);
                    }
                }
            }
            BenchCommand.printFigure(out, "code-compile", compile, "ms");
            BenchCommand.printFigure(out, "code-jvm-to-main", start, "ms");
            BenchCommand.printFigure(out, "code-run-to-main", total, "ms");
            out.printf(Locale.ROOT, "code-first-run-to-main %.0f ms (the compiler cold)%n", first);
            return 0;
        } catch (Exception e) {
            err.println("error: the code benchmark failed: " + e.getMessage());
            return 1;
        } finally {
            Folders.deleteQuietly(dir);
        }
    }

    /** A producer of about a hundred lines, as a learner's grows: a builder, a loop, a callback, metrics. */
    static String program() throws IOException {
        StringBuilder s = new StringBuilder("""
                import java.util.Map;
                import java.util.Properties;
                import java.util.concurrent.atomic.AtomicLong;
                import org.apache.kafka.clients.producer.Callback;
                import org.apache.kafka.clients.producer.KafkaProducer;
                import org.apache.kafka.clients.producer.ProducerConfig;
                import org.apache.kafka.clients.producer.ProducerRecord;
                import org.apache.kafka.common.Metric;
                import org.apache.kafka.common.MetricName;
                import org.apache.kafka.common.serialization.StringSerializer;

                public class BenchProducer {
                    static final AtomicLong ACKED = new AtomicLong();

                    public static void main(String[] args) throws Exception {
                        System.out.println("main entered");
                        if (args.length == 0) {
                            return;
                        }
                        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props(args[0]))) {
                            for (int i = 0; i < 100; i++) {
                                producer.send(new ProducerRecord<>("bench", "key-" + (i % 10), "value " + i), callback(i));
                            }
                            producer.flush();
                            report(producer.metrics());
                        }
                    }

                    static Properties props(String bootstrap) {
                        Properties p = new Properties();
                        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
                        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "32768");
                        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
                        return p;
                    }

                    static Callback callback(int i) {
                        return (metadata, error) -> {
                            if (error != null) {
                                System.out.println("record " + i + " failed: " + error);
                            } else {
                                ACKED.incrementAndGet();
                            }
                        };
                    }

                    static void report(Map<MetricName, ? extends Metric> metrics) {
                        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
                            if (e.getKey().name().equals("record-send-rate")) {
                                System.out.println("send rate " + e.getValue().metricValue());
                            }
                        }
                        System.out.println("acknowledged " + ACKED.get());
                    }
                """);
        // Helpers, as a program gains them: to reach about a hundred lines.
        for (int i = 0; i < 8; i++) {
            s.append("\n    static String label").append(i).append("(int n) {\n")
                    .append("        String text = \"part-").append(i).append("-\" + n;\n")
                    .append("        return text.length() > 3 ? text : text + n;\n    }\n");
        }
        return s.append("}\n").toString();
    }
}
