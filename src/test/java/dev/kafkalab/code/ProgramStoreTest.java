package dev.kafkalab.code;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learners' programs on disk: made from a starter once, saved whole, and read whatever their encoding. */
class ProgramStoreTest {

    @Test
    void aProgramIsMadeFromItsStarterOnceAndTheLearnersWorkIsNeverOverwrittenThere(@TempDir Path dir) throws Exception {
        Path starter = Files.createDirectories(dir.resolve("starter"));
        Files.writeString(starter.resolve("Demo.java"), "class Demo { }\n");
        ProgramStore store = new ProgramStore(dir.resolve("programs"));

        store.createFrom("demo", starter);
        store.save("demo", "Demo.java", "class Demo { int mine; }\n");
        List<Path> again = store.createFrom("demo", starter);

        assertEquals("class Demo { int mine; }\n", store.read(again.get(0)));
        assertEquals(List.of("demo"), store.names());
    }

    @Test
    void aFileSavedInAnotherEncodingIsReadNotRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Latin.java");
        // "// café" as a Windows editor saves it: é is one byte, 0xE9, which is not UTF-8.
        Files.write(file, new byte[] {'/', '/', ' ', 'c', 'a', 'f', (byte) 0xE9});

        assertEquals("// café", new ProgramStore(dir).read(file));
    }
}
