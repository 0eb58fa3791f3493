import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Lab 10, step 4: a hundred records sent asynchronously, each answered in a callback. */
public class ProducerDemo {

    static final String TOPIC = "my-example-topic";

    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "producer-demo");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < 100; i++) {
                String key = "async-" + (i % 10);
                // send() returns at once; the callback runs on the producer's I/O thread when the
                // broker answers (or the send fails).
                producer.send(new ProducerRecord<>(TOPIC, key, "async value " + i), (metadata, error) -> {
                    if (error != null) {
                        System.out.println(key + " failed: " + error);
                    } else {
                        System.out.println(key + " -> partition " + metadata.partition() + ", offset " + metadata.offset());
                    }
                });
            }
            System.out.println("100 sends handed to the producer; closing waits for their answers");
        }
    }
}
