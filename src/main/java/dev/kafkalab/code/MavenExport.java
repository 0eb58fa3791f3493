package dev.kafkalab.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * "Open in my IDE": a program as a Maven project of its own, in a folder the learner picks: a pom
 * with kafka-clients (the cluster's version) and a simple SLF4J logger, the sources, the Maven
 * wrapper, and a README saying how to run it. Any IDE opens the pom.
 */
public final class MavenExport {

    /** The client the app itself runs (the cluster's version), as kafka-clients' own jar says it. */
    static final String KAFKA_VERSION = kafkaVersion();
    static final String SLF4J_VERSION = "2.0.16";
    /** The Avro library the app gives programs (module 13's lab), as its own jar says it. */
    static final String AVRO_VERSION = java.util.Optional.ofNullable(
            org.apache.avro.Schema.class.getPackage().getImplementationVersion()).orElse("1.12.2");
    private static final List<String> WRAPPER = List.of("mvnw", "mvnw.cmd", ".mvn/wrapper/maven-wrapper.properties");

    private MavenExport() {
    }

    private static String kafkaVersion() {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = org.apache.kafka.clients.producer.KafkaProducer.class
                .getResourceAsStream("/kafka/kafka-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The version the app was built with, below.
        }
        return p.getProperty("version", "4.4.0");
    }

    /**
     * Writes program {@code name}'s {@code sources} as a project in {@code folder}, which must be
     * empty or not exist yet (a learner's folder is never overwritten). Returns the main class.
     */
    public static String export(String name, List<Path> sources, Path folder) throws IOException {
        if (sources.isEmpty()) {
            throw new IOException("Program " + name + " has no .java file to export.");
        }
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(folder + " is not empty: choose an empty folder, or a new one.");
                }
            }
        }
        Optional<String> main = ProgramCompiler.mainClass(sources);
        Path root = folder.resolve("src/main/java");
        Files.createDirectories(root);
        boolean avro = false;
        boolean streams = false;
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            avro |= text.contains("org.apache.avro");
            streams |= text.contains("org.apache.kafka.streams");
            Path target = packageFolder(root, text).resolve(source.getFileName().toString());
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("pom.xml"), pom(name, main.orElse("Main"), avro, streams), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("README.md"), readme(name, main.orElse("Main")), StandardCharsets.UTF_8);
        for (String file : WRAPPER) {
            try (InputStream in = MavenExport.class.getResourceAsStream("wrapper/" + file)) {
                if (in == null) {
                    continue; // Run from the IDE without the build's resources: the project works with mvn.
                }
                Path target = folder.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        folder.resolve("mvnw").toFile().setExecutable(true);
        return main.orElse("Main");
    }

    private static final java.util.regex.Pattern PACKAGE = java.util.regex.Pattern.compile(
            "^\\s*package\\s+([\\w.]+)\\s*;", java.util.regex.Pattern.MULTILINE);

    private static Path packageFolder(Path root, String text) {
        java.util.regex.Matcher pkg = PACKAGE.matcher(text);
        return pkg.find() ? root.resolve(pkg.group(1).replace('.', '/')) : root;
    }

    /** The project's pom: kafka-clients and a logger, and Avro or Kafka Streams when a source imports it. */
    private static String pom(String name, String mainClass, boolean avro, boolean streams) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.kafkalab.learner</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.apache.kafka</groupId>
                      <artifactId>kafka-clients</artifactId>
                      <version>%s</version>
                    </dependency>
                    <dependency>
                      <groupId>org.slf4j</groupId>
                      <artifactId>slf4j-simple</artifactId>
                      <version>%s</version>
                    </dependency>%s
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>3.5.0</version>
                        <configuration>
                          <mainClass>%s</mainClass>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(name.toLowerCase(java.util.Locale.ROOT), KAFKA_VERSION, SLF4J_VERSION,
                (avro ? dependency("org.apache.avro", "avro", AVRO_VERSION) : "")
                        + (streams ? dependency("org.apache.kafka", "kafka-streams", KAFKA_VERSION) : ""), mainClass);
    }

    /** A dependency element, indented for the pom's dependencies. */
    private static String dependency(String group, String artifact, String version) {
        return """

                    <dependency>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>%s</version>
                    </dependency>""".formatted(group, artifact, version).replace("\n", "\n    ");
    }

    private static String readme(String name, String mainClass) {
        return """
                # %s

                Exported from Kafka Lab's Code screen: plain Java with the Kafka client %s.

                Open `pom.xml` in your IDE, or run it from here against a cluster on localhost:9092
                (Kafka Lab's own, while the app runs):

                ```sh
                ./mvnw -q compile exec:java                          # %s, on localhost:9092
                ./mvnw -q compile exec:java -Dexec.args="host:9092"  # another cluster, as the lab's programs read their first argument
                ./mvnw -q compile exec:java -Dexec.args="host:9092 client.properties"  # a secured one: its security settings
                ```

                Kafka Lab's lab checks watch the cluster, whatever runs the code: a step done from
                here turns green there too.
                """.formatted(name, KAFKA_VERSION, mainClass);
    }
}
