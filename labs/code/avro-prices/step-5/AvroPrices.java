import java.io.FileReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Lab 13: sends prices in Avro, reads the topic back with a newer schema than it was written with,
 * and asks Avro which schema changes old and new readers survive.
 */
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
        System.out.println("v2 reads v1: " + compatibility(Schemas.V2, Schemas.V1));
        System.out.println("v1 reads v2: " + compatibility(Schemas.V1, Schemas.V2));
        readBack(cluster, Schemas.V1, Schemas.V2);
        System.out.println("v3 reads v1: " + compatibility(Schemas.V3, Schemas.V1));
        System.out.println("v1 reads v3: " + compatibility(Schemas.V1, Schemas.V3));
        oldReaderOnNewRecord();
    }

    /** A record written with v3, read by a program that still has v1: it needs a price that is not there. */
    static void oldReaderOnNewRecord() throws java.io.IOException {
        GenericRecord record = new GenericData.Record(Schemas.V3);
        record.put("symbol", "AAPL");
        record.put("time", System.currentTimeMillis());
        record.put("exchange", "NASDAQ");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(Schemas.V3).write(record, encoder);
        encoder.flush();
        try {
            GenericRecord read = new GenericDatumReader<GenericRecord>(Schemas.V3, Schemas.V1)
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
            System.out.println("a v1 reader read a v3 record: " + read);
        } catch (AvroTypeException e) {
            System.out.println("a v1 reader cannot read a v3 record: " + e.getMessage());
        }
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

    /** Avro's own verdict: can a reader with {@code reader} decode what {@code writer} wrote? */
    static String compatibility(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility pair = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        StringBuilder said = new StringBuilder(pair.getType().toString());
        for (SchemaCompatibility.Incompatibility i : pair.getResult().getIncompatibilities()) {
            said.append(" (").append(i.getType()).append(": ").append(i.getMessage()).append(')');
        }
        return said.toString();
    }

    /** Reads the whole topic, decoding each value as written with {@code writer}, into {@code reader}'s shape. */
    static void readBack(Properties cluster, Schema writer, Schema reader) {
        Properties props = new Properties();
        props.putAll(cluster);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>(writer, reader);
        int read = 0;
        int skipped = 0;
        GenericRecord last = null;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    try {
                        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(r.value(), null);
                        GenericRecord price = datumReader.read(null, decoder);
                        if (!decoder.isEnd()) {
                            throw new java.io.IOException("bytes left over");
                        }
                        last = price;
                        read++;
                    } catch (java.io.IOException | RuntimeException notAvro) {
                        // Step 2's text values: Avro cannot make sense of them.
                        skipped++;
                    }
                }
            }
        }
        System.out.println("read " + read + " v1 price(s) with v2, skipped " + skipped + " that are not Avro"
                + (last == null ? "" : "; the last: " + last));
    }
}
