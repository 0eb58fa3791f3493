import java.io.FileReader;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Lab 13: sends ten prices of each of five stocks, keyed by symbol, with its own value serializer. */
public class AvroPrices {

    static final String TOPIC = "stock-prices-avro";
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "GOOG", "AMZN", "IBM");

    public static void main(String[] args) throws Exception {
        // Kafka Lab passes its cluster's address as the first argument; elsewhere, localhost:9092.
        Properties cluster = new Properties();
        cluster.put("bootstrap.servers", args.length > 0 ? args[0] : "localhost:9092");
        // On a secured cluster (a class's, a team's) it also passes a client.properties file.
        if (args.length > 1) {
            try (FileReader in = new FileReader(args[1])) {
                cluster.load(in);
            }
        }
        send(cluster);
    }

    static void send(Properties cluster) throws Exception {
        Properties props = new Properties();
        props.putAll(cluster);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StockPriceSerializer.class.getName());
        try (KafkaProducer<String, StockPrice> producer = new KafkaProducer<>(props)) {
            long now = System.currentTimeMillis();
            for (int i = 0; i < 10; i++) {
                for (int s = 0; s < SYMBOLS.size(); s++) {
                    StockPrice price = new StockPrice(SYMBOLS.get(s), 100 + 50 * s + i * 0.25, now + i);
                    producer.send(new ProducerRecord<>(TOPIC, price.symbol(), price)).get();
                }
            }
            System.out.println("sent " + 10 * SYMBOLS.size() + " prices to " + TOPIC);
        }
    }
}
