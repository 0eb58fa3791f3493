import org.apache.avro.Schema;

/** The StockPrice schemas, as the course writes them (labs/code/avro-prices/stock-price-v1.avsc). */
final class Schemas {

    static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "StockPrice", "namespace": "dev.kafkalab.course",
             "fields": [
               {"name": "symbol", "type": "string"},
               {"name": "price", "type": "double"},
               {"name": "time", "type": "long"}
             ]}
            """);

    /** Version 2: a new field, with a default for records written without it. */
    static final Schema V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "StockPrice", "namespace": "dev.kafkalab.course",
             "fields": [
               {"name": "symbol", "type": "string"},
               {"name": "price", "type": "double"},
               {"name": "time", "type": "long"},
               {"name": "exchange", "type": "string", "default": "NASDAQ"}
             ]}
            """);

    /** Version 3: price removed, though it has no default (readers of version 1 need it). */
    static final Schema V3 = new Schema.Parser().parse("""
            {"type": "record", "name": "StockPrice", "namespace": "dev.kafkalab.course",
             "fields": [
               {"name": "symbol", "type": "string"},
               {"name": "time", "type": "long"},
               {"name": "exchange", "type": "string", "default": "NASDAQ"}
             ]}
            """);

    private Schemas() {
    }
}
