package dev.kafkalab.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learner's program compiled with the JDK's compiler against kafka-clients: its class, or its errors at their lines. */
class ProgramCompilerTest {

    @TempDir
    static Path cache;
    private static ProgramCompiler compiler;

    @BeforeAll
    static void compiler() {
        compiler = ProgramCompiler.of(ProgramClasspath.resolve(cache)).orElseThrow();
    }

    @Test
    void aProducerCompilesAgainstKafkaClientsAndItsMainClassIsFound(@TempDir Path dir) throws Exception {
        Path source = write(dir.resolve("src/course/Producer.java"), """
                package course;

                import org.apache.kafka.clients.producer.KafkaProducer;
                import org.apache.kafka.clients.producer.ProducerRecord;
                import org.apache.kafka.common.serialization.StringSerializer;
                import java.util.Properties;

                public class Producer {
                    public static void main(String[] args) {
                        Properties p = new Properties();
                        p.put("bootstrap.servers", "localhost:9092");
                        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                            producer.send(new ProducerRecord<>("my-example-topic", "key", "value"));
                        }
                    }
                }
                """);

        ProgramCompiler.Result result = compiler.compile(dir.resolve("src"), dir.resolve("classes"));

        assertEquals(List.of(), result.problems());
        assertEquals("course.Producer", result.mainClass());
        assertTrue(Files.isRegularFile(dir.resolve("classes/course/Producer.class")), source + " compiled");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsLineWithTheCompilersMessage(@TempDir Path dir) throws Exception {
        Path source = write(dir.resolve("Hello.java"), """
                public class Hello {
                    public static void main(String[] args) {
                        System.out.println("hello")
                    }
                }
                """);

        ProgramCompiler.Result result = compiler.compile(source, dir.resolve("classes"));

        assertFalse(result.ok());
        assertNull(result.mainClass());
        ProgramCompiler.Problem first = result.problems().get(0);
        assertEquals(source, first.file());
        assertEquals(3, first.line());
        assertEquals("Hello.java:3: ';' expected", first.toString());
    }

    @Test
    void aTypeKafkaDoesNotHaveIsAnErrorAtTheLineThatUsesIt(@TempDir Path dir) throws Exception {
        Path source = write(dir.resolve("Typo.java"), """
                import org.apache.kafka.clients.producer.KafkaProducer;

                public class Typo {
                    public static void main(String[] args) {
                        KafkaProduser<String, String> p = null;
                    }
                }
                """);

        ProgramCompiler.Problem first = compiler.compile(source, dir.resolve("classes")).problems().get(0);

        assertEquals(5, first.line());
        assertTrue(first.message().startsWith("cannot find symbol"), first.message());
    }

    @Test
    void aProgramWithoutMainSaysWhatToAdd(@TempDir Path dir) throws Exception {
        write(dir.resolve("NoMain.java"), "public class NoMain { }\n");

        ProgramCompiler.Result result = compiler.compile(dir, dir.resolve("classes"));

        assertEquals("No main method: add public static void main(String[] args) to a class.",
                result.problems().get(0).toString());
    }

    @Test
    void aFolderWithoutJavaFilesSaysSo(@TempDir Path dir) {
        ProgramCompiler.Result result = compiler.compile(dir, dir.resolve("classes"));

        assertEquals("No .java file in " + dir + ".", result.problems().get(0).message());
    }

    static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
