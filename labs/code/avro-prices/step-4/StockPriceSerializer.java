import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns a StockPrice into the bytes of a record's value: Avro binary with Schemas.V1. The bytes
 * hold the values only, no field names and no schema: a reader needs the writer's schema.
 */
public class StockPriceSerializer implements Serializer<StockPrice> {

    private final GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(Schemas.V1);

    @Override
    public byte[] serialize(String topic, StockPrice price) {
        if (price == null) {
            return null;
        }
        GenericRecord record = new GenericData.Record(Schemas.V1);
        record.put("symbol", price.symbol());
        record.put("price", price.price());
        record.put("time", price.time());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
