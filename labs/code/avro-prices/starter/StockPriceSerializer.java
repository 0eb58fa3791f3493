import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns a StockPrice into the bytes of a record's value. Kafka stores bytes: what they mean is
 * agreed between the producer's serializer and the consumers' deserializer.
 */
public class StockPriceSerializer implements Serializer<StockPrice> {

    @Override
    public byte[] serialize(String topic, StockPrice price) {
        if (price == null) {
            return null;
        }
        // TODO (step 3): write the price as Avro binary with Schemas.V1 instead of text.
        String text = price.symbol() + "," + price.price() + "," + price.time();
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
