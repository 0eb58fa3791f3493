package dev.kafkalab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The check that reads a topic's values as Avro: the bytes a learner's serializer wrote are
 * decoded with the lab's schema file, as a consumer with that schema would decode them.
 */
final class AvroChecks {

    /** Schema files by path, parsed once. */
    private static final Map<Path, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private AvroChecks() {
    }

    /** The schema file a check names, under the labs' code folder. */
    static Path schemaFile(Directive check) {
        return LabCatalog.defaultFolder().resolve("code").resolve(check.text("schema"));
    }

    /** Parses a schema file (a lab's), or says why it cannot. */
    static Schema schema(Path file) throws IOException {
        Schema known = SCHEMAS.get(file);
        if (known != null) {
            return known;
        }
        try {
            Schema parsed = new Schema.Parser().parse(Files.readString(file));
            SCHEMAS.put(file, parsed);
            return parsed;
        } catch (SchemaParseException e) {
            throw new IOException(file + " is not an Avro schema: " + e.getMessage(), e);
        }
    }

    /**
     * At least {@code at-least} values written since the step began decode with the schema: each
     * read whole, with no byte left over. Values of another format (text) fail, and count apart.
     */
    static Verdict avroDecodes(Directive c, CheckContext ctx) {
        String topic = c.text("topic");
        Optional<TopicScan> scan = ctx.scan(topic);
        if (scan.isEmpty()) {
            return Verdict.waiting("reading " + topic + "...");
        }
        Schema schema;
        try {
            schema = schema(schemaFile(c));
        } catch (IOException e) {
            return Verdict.waiting("the check's schema cannot be read: " + e.getMessage());
        }
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema);
        int decoded = 0;
        int not = 0;
        for (TopicScan.Value v : scan.get().values()) {
            if (v.offset() < ctx.stepStart(topic, v.partition()) || v.bytes() == null) {
                continue;
            }
            if (decodes(reader, v.bytes())) {
                decoded++;
            } else {
                not++;
            }
        }
        int want = c.integer("at-least");
        String name = schema.getName() + " (" + Path.of(c.text("schema")).getFileName() + ")";
        return new Verdict(decoded >= want, decoded + " value(s) written to " + topic + " since the step began decode as "
                + name + (not == 0 ? "" : ", " + not + " do not") + (decoded >= want ? "" : "; waiting for " + want));
    }

    private static boolean decodes(GenericDatumReader<GenericRecord> reader, byte[] bytes) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
            reader.read(null, decoder);
            return decoder.isEnd();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
