package dev.kafkalab.code;

import static dev.kafkalab.code.ProgramCompilerTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open in my IDE": a program as a Maven project, its sources in their packages, never over a learner's folder. */
class MavenExportTest {

    @Test
    void aProgramBecomesAMavenProjectWithKafkaClientsAndItsMainClass(@TempDir Path dir) throws Exception {
        Path main = write(dir.resolve("program/Producer.java"), "package course;\npublic class Producer {\n"
                + "    public static void main(String[] args) { }\n}\n");
        Path helper = write(dir.resolve("program/Helper.java"), "class Helper { }\n");
        Path project = dir.resolve("export");

        assertEquals("course.Producer", MavenExport.export("My-Producer", List.of(helper, main), project));

        assertTrue(Files.isRegularFile(project.resolve("src/main/java/course/Producer.java")), "in its package");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/Helper.java")));
        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>kafka-clients</artifactId>\n      <version>4.4.0</version>"), pom);
        assertTrue(pom.contains("<artifactId>my-producer</artifactId>"), pom);
        assertTrue(pom.contains("<mainClass>course.Producer</mainClass>"), pom);
        assertTrue(Files.readString(project.resolve("README.md")).contains("./mvnw -q compile exec:java"));
    }

    @Test
    void aFolderWithFilesInItIsRefused(@TempDir Path dir) throws Exception {
        Path main = write(dir.resolve("program/Main.java"), "public class Main { public static void main(String[] a) { } }\n");
        Path taken = write(dir.resolve("mine/notes.txt"), "my notes\n").getParent();

        IOException e = assertThrows(IOException.class, () -> MavenExport.export("p", List.of(main), taken));

        assertEquals(taken + " is not empty: choose an empty folder, or a new one.", e.getMessage());
        assertEquals("my notes\n", Files.readString(taken.resolve("notes.txt")));
    }

    @Test
    void aProgramThatUsesAvroGetsTheAvroLibraryTheAppRuns(@TempDir Path dir) throws Exception {
        Path main = write(dir.resolve("program/Prices.java"), "import org.apache.avro.Schema;\npublic class Prices {\n"
                + "    public static void main(String[] args) { }\n}\n");
        Path plain = write(dir.resolve("plain/Main.java"), "public class Main { public static void main(String[] a) { } }\n");

        MavenExport.export("prices", List.of(main), dir.resolve("avro"));
        MavenExport.export("plain", List.of(plain), dir.resolve("plain-export"));

        String pom = Files.readString(dir.resolve("avro/pom.xml"));
        assertTrue(pom.contains("      <groupId>org.apache.avro</groupId>\n      <artifactId>avro</artifactId>\n"
                + "      <version>1.12.2</version>\n    </dependency>\n  </dependencies>"), pom);
        assertFalse(Files.readString(dir.resolve("plain-export/pom.xml")).contains("avro"), "only where a source uses it");
    }

    @Test
    void aStreamsProgramGetsKafkaStreamsOfTheClustersVersion(@TempDir Path dir) throws Exception {
        Path main = write(dir.resolve("program/ClickCounter.java"), "import org.apache.kafka.streams.KafkaStreams;\n"
                + "public class ClickCounter {\n    public static void main(String[] args) { }\n}\n");

        MavenExport.export("click-counter", List.of(main), dir.resolve("streams"));

        String pom = Files.readString(dir.resolve("streams/pom.xml"));
        assertTrue(pom.contains("      <groupId>org.apache.kafka</groupId>\n      <artifactId>kafka-streams</artifactId>\n"
                + "      <version>4.4.0</version>\n    </dependency>\n  </dependencies>"), pom);
        assertFalse(pom.contains("avro"), pom);
    }
}
