import java.io.FileReader;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Lab 10, steps 3 and 4 solved: ten keyed records sent synchronously, a hundred asynchronously. */
public class ProducerDemo {

    static final String TOPIC = "my-example-topic";

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        // Kafka Lab passes its cluster's address as the first argument; elsewhere, localhost:9092.
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        // On a secured cluster (a class's, a team's) it also passes a client.properties file.
        if (args.length > 1) {
            try (FileReader in = new FileReader(args[1])) {
                props.load(in);
            }
        }
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "producer-demo");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            // A synchronous send: get() waits for the broker's answer.
            RecordMetadata first = producer.send(new ProducerRecord<>(TOPIC, "hello", "my first record")).get();
            System.out.println("sent to partition " + first.partition() + " at offset " + first.offset());

            // Step 3: ten keyed records, each sent synchronously.
            for (int i = 0; i < 10; i++) {
                String key = "key-" + i;
                RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, key, "value " + i)).get();
                System.out.println(key + " -> partition " + sent.partition() + ", offset " + sent.offset());
            }

            // Step 4: a hundred records sent asynchronously. send() returns at once; the callback
            // runs on the producer's I/O thread when the broker answers (or the send fails).
            for (int i = 0; i < 100; i++) {
                String key = "async-" + (i % 10);
                producer.send(new ProducerRecord<>(TOPIC, key, "async value " + i), (metadata, error) -> {
                    if (error != null) {
                        System.out.println(key + " failed: " + error);
                    } else {
                        System.out.println(key + " -> partition " + metadata.partition() + ", offset "
                                + metadata.offset());
                    }
                });
            }
            System.out.println("100 sends handed to the producer; closing waits for their answers");
        }
        // Closing the producer (the end of the try block) sends what is still buffered.
    }
}
