package dev.kafkalab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kafkalab.code.ProgramClasspath;
import dev.kafkalab.code.ProgramCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code labs' own programs: every starter and solution compiles as the Code screen compiles
 * it, every step's button names one that exists, and a schema a program holds in code is the
 * schema its lab's check reads with.
 */
class LabProgramsTest {

    private static final Path CODE = Path.of("labs/code");

    @Test
    void everyStarterAndSolutionCompilesWithAMainClass(@TempDir Path dir) throws IOException {
        ProgramCompiler compiler = ProgramCompiler.of(ProgramClasspath.resolve(dir.resolve("cache"))).orElseThrow();
        List<String> wrong = new ArrayList<>();
        for (Path folder : folders()) {
            ProgramCompiler.Result r = compiler.compile(folder, dir.resolve("classes").resolve(CODE.relativize(folder)));
            if (!r.ok()) {
                wrong.add(CODE.relativize(folder) + ": " + r.problems());
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRunSolutionButtonNamesAFolderThatExists() {
        List<String> wrong = new ArrayList<>();
        for (Lab lab : LabCatalog.load(Path.of("labs")).labs()) {
            for (Step step : lab.steps()) {
                for (Directive a : step.actions()) {
                    if (a.name().equals("run-solution")
                            && !Files.isDirectory(CODE.resolve(a.text("program")).resolve(a.text("folder")))) {
                        wrong.add(lab.id() + " step " + step.number() + ": " + a.source());
                    }
                }
            }
        }

        assertEquals(List.of(), wrong);
    }

    @Test
    void theAvroProgramsVersionOneIsTheSchemaTheCheckReadsWith() throws IOException {
        Schema file = AvroChecks.schema(CODE.resolve("avro-prices/stock-price-v1.avsc"));
        Pattern v1 = Pattern.compile("Schema V1 = new Schema\\.Parser\\(\\)\\.parse\\(\"\"\"(.*?)\"\"\"\\)", Pattern.DOTALL);
        List<String> wrong = new ArrayList<>();
        for (Path folder : folders()) {
            Path schemas = folder.resolve("Schemas.java");
            if (Files.isRegularFile(schemas)) {
                Matcher m = v1.matcher(Files.readString(schemas));
                // Equal as Avro compares schemas: names, types and fields; docs aside.
                if (!m.find() || !new Schema.Parser().parse(m.group(1)).equals(file)) {
                    wrong.add(CODE.relativize(schemas).toString());
                }
            }
        }

        assertEquals(List.of(), wrong);
    }

    /** labs/code/PROGRAM/FOLDER, each a program. */
    private static List<Path> folders() throws IOException {
        try (Stream<Path> programs = Files.list(CODE)) {
            List<Path> all = new ArrayList<>();
            for (Path program : programs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> folders = Files.list(program)) {
                    all.addAll(folders.filter(Files::isDirectory).sorted().toList());
                }
            }
            return all;
        }
    }
}
