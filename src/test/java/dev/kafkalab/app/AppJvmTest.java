package dev.kafkalab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AppJvmTest {

    @Test
    void javafxRunStartsTheAppWithTheSameOptionsTheBenchmarksUse() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        int plugin = pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>");
        assertTrue(plugin > 0, "pom.xml has the javafx-maven-plugin");
        String options = pom.substring(pom.indexOf("<options>", plugin), pom.indexOf("</options>", plugin));
        assertFalse(AppJvm.OPTIONS.isEmpty(), "the app has JVM options to keep alike");
        for (String option : AppJvm.OPTIONS) {
            assertTrue(options.contains("<option>" + option + "</option>"),
                    "javafx:run's options in pom.xml lack " + option + ": " + options);
        }
    }
}
