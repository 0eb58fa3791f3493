import java.io.FileReader;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Lab 10: a producer in Java. Run it with F5; what it prints shows in the console below. */
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

            // TODO step 3: send ten records with the keys key-0 ... key-9, each synchronously,
            //              and print the partition and offset of each.

            // TODO step 4: send a hundred records asynchronously, each with a callback that
            //              prints "<key> -> partition <p>, offset <o>", or the exception when
            //              the send failed; after the loop, print "100 sends handed to the producer".
        }
        // Closing the producer (the end of the try block) sends what is still buffered.
    }
}
