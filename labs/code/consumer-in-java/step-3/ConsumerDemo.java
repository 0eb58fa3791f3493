import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Lab 11, step 3: a group of its own, which has committed nothing: it reads from the beginning. */
public class ConsumerDemo {

    static final String TOPIC = "my-consumer-topic";
    static final String GROUP = "java-readers-2";

    public static void main(String[] args) {
        Properties props = new Properties();
        // Kafka Lab passes its cluster's address as the first argument; elsewhere, localhost:9092.
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        // Where a group with no committed offset starts: the beginning, not only new records.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());

        int read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TOPIC));
            int quiet = 0;
            // Joining the group takes a few polls; after that, three empty polls in a row end it.
            while (quiet < (read == 0 ? 15 : 3)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                quiet = records.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    read++;
                    System.out.println("partition " + r.partition() + ", offset " + r.offset() + ": "
                            + r.key() + " = " + r.value());
                }
                // The group's position is committed: the next run of this group starts after it.
                consumer.commitSync();
            }
        }
        System.out.println(GROUP + " read " + read + " record(s)");
    }
}
