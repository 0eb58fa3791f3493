import org.apache.avro.Schema;

/** The StockPrice schema, as the course writes it (labs/code/avro-prices/stock-price-v1.avsc). */
final class Schemas {

    static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "StockPrice", "namespace": "dev.kafkalab.course",
             "fields": [
               {"name": "symbol", "type": "string"},
               {"name": "price", "type": "double"},
               {"name": "time", "type": "long"}
             ]}
            """);

    private Schemas() {
    }
}
