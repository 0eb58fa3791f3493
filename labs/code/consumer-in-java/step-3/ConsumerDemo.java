import java.io.FileReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Lab 11, step 3: a group of its own, which has committed nothing: it reads from the beginning. */
public class ConsumerDemo {

    static final String TOPIC = "my-consumer-topic";
    static final String GROUP = "java-readers-2";

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        // Kafka Lab passes its cluster's address as the first argument; elsewhere, localhost:9092.
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        // On a secured cluster (a class's, a team's) it also passes a client.properties file.
        if (args.length > 1) {
            try (FileReader in = new FileReader(args[1])) {
                props.load(in);
            }
        }
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        // Where a group with no committed offset starts: the beginning, not only new records.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());

        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        // Stop (or Ctrl+C) wakes the poll up and lets the consumer close, so it leaves its group at
        // once: the next run need not wait for this member's session to time out.
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                main.join(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));

        int read = 0;
        try (consumer) {
            consumer.subscribe(List.of(TOPIC));
            int polls = 0;
            int quiet = 0;
            // Joining the group takes a few polls; once it owns partitions, three empty polls end it.
            while (quiet < 3 && polls < 60) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                polls++;
                quiet = records.isEmpty() && !consumer.assignment().isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    read++;
                    System.out.println("partition " + r.partition() + ", offset " + r.offset() + ": "
                            + r.key() + " = " + r.value());
                }
                // The group's position is committed: the next run of this group starts after it.
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            System.out.println("stopped");
        }
        System.out.println(GROUP + " read " + read + " record(s)");
    }
}
