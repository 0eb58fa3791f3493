package dev.kafkalab.code;

import dev.kafkalab.common.WholeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The learner's programs: one folder of {@code .java} files each, under the app's data
 * directory, so that work survives restarts and crashes. Each save writes a temporary file,
 * forces it to disk and moves it over the old one: a crash leaves the previous version, never
 * half a file. A program starts as a copy of a lab's starter, and can go back to it.
 */
public final class ProgramStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    private final Path root;

    public ProgramStore(Path root) {
        this.root = root;
    }

    /** {@code programs} in the app's data folder, or where {@code -Dkafkalab.programs=<folder>} says. */
    public static Path defaultFolder() {
        String set = System.getProperty("kafkalab.programs");
        return set != null ? Path.of(set) : dev.kafkalab.common.AppDirs.data().resolve("programs");
    }

    public Path root() {
        return root;
    }

    /** The programs there are, by name. */
    public List<String> names() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> NAME.matcher(n).matches()).sorted().toList();
        }
    }

    /** The program's folder (it may not exist yet). */
    public Path folder(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a program name: letters, digits, - and _,"
                    + " starting with a letter or digit.");
        }
        return root.resolve(name);
    }

    /** The program's {@code .java} files, by name. */
    public List<Path> files(String name) throws IOException {
        Path dir = folder(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** The program as its starter has it, unless it exists already: a learner's work is never overwritten here. */
    public List<Path> createFrom(String name, Path starter) throws IOException {
        if (files(name).isEmpty()) {
            copy(starter, folder(name));
        }
        return files(name);
    }

    /** What a new program starts as: plain Kafka code, as the course writes it. */
    static final String NEW_PROGRAM = """
            import java.io.FileReader;
            import java.util.Properties;
            import org.apache.kafka.clients.producer.KafkaProducer;
            import org.apache.kafka.clients.producer.ProducerConfig;
            import org.apache.kafka.clients.producer.ProducerRecord;
            import org.apache.kafka.clients.producer.RecordMetadata;
            import org.apache.kafka.common.serialization.StringSerializer;

            public class Main {
                public static void main(String[] args) throws Exception {
                    Properties props = new Properties();
                    // Kafka Lab passes its cluster's address as the first argument; elsewhere, localhost:9092.
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
                    // On a secured cluster (a class's, a team's) it also passes a client.properties file.
                    if (args.length > 1) {
                        try (FileReader in = new FileReader(args[1])) {
                            props.load(in);
                        }
                    }
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                        RecordMetadata sent = producer.send(new ProducerRecord<>("my-example-topic", "key-1", "hello")).get();
                        System.out.println("sent to partition " + sent.partition() + " at offset " + sent.offset());
                    }
                }
            }
            """;

    /** A new program, {@code Main.java} from {@link #NEW_PROGRAM}, unless it exists already. */
    public List<Path> createNew(String name) throws IOException {
        if (files(name).isEmpty()) {
            save(name, "Main.java", NEW_PROGRAM);
        }
        return files(name);
    }

    /** Back to the starter (or the solution): the program's own files go, the given ones come. */
    public List<Path> replaceWith(String name, Path source) throws IOException {
        for (Path file : files(name)) {
            Files.delete(file);
        }
        copy(source, folder(name));
        return files(name);
    }

    /**
     * A source file's text: UTF-8, or, for a file saved in another encoding (Windows editors'
     * default), ISO-8859-1, which reads any bytes; the next save writes it as UTF-8.
     */
    public String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Saves one file of a program whole, as described above. */
    public void save(String name, String fileName, String text) throws IOException {
        if (!FILE.matcher(fileName).matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a Java source file name.");
        }
        Path file = folder(name).resolve(fileName);
        WholeFile.put(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    private void copy(Path from, Path to) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(from)) {
            files.filter(p -> FILE.matcher(p.getFileName().toString()).matches()).sorted(Comparator.naturalOrder())
                    .forEach(sources::add);
        }
        if (sources.isEmpty()) {
            throw new IOException("There is no .java file in " + from + ".");
        }
        for (Path source : sources) {
            save(to.getFileName().toString(), source.getFileName().toString(), read(source));
        }
    }
}
