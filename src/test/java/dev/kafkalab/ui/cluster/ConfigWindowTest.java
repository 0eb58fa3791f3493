package dev.kafkalab.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Config window shows of a node: its server.properties, then the identity formatted into its storage. */
class ConfigWindowTest {

    @TempDir
    Path dir;

    @Test
    void showsTheConfigThenEachLogDirectorysMetaProperties() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("meta.properties"), "node.id=1\ncluster.id=abc\n");
        Path config = Files.writeString(dir.resolve("server.properties"),
                "node.id=1\nprocess.roles=broker\nlog.dirs=" + data + "\n");
        String shown = ConfigWindow.read(config);
        assertEquals("# " + config + "\nnode.id=1\nprocess.roles=broker\nlog.dirs=" + data + "\n\n# "
                + data.resolve("meta.properties") + " (written when the storage was formatted)\nnode.id=1\ncluster.id=abc\n",
                shown);
    }

    @Test
    void aStorageNotFormattedYetAndAMissingFileAreSaidSo() throws IOException {
        Path config = Files.writeString(dir.resolve("server.properties"), "log.dirs=" + dir.resolve("none") + "\n");
        assertTrue(ConfigWindow.read(config).contains("not there yet: the node formats its storage on its first start"));
        String missing = ConfigWindow.read(dir.resolve("nowhere.properties"));
        assertTrue(missing.startsWith("Could not read " + dir.resolve("nowhere.properties")), missing);
        assertEquals("This node has no configuration file.", ConfigWindow.read(null));
    }
}
