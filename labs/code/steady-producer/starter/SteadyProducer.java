import java.io.FileReader;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Lab 12: a producer through failures. It sends a record every 20 ms until it is stopped, and
 * says every second how its sends are doing: what the callbacks heard, not what it hoped.
 */
public class SteadyProducer {

    static final String TOPIC = "my-steady-topic";

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
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // TODO (step 4): give up on a record after 6 s instead of the default 2 minutes:
        // delivery.timeout.ms 6000, and request.timeout.ms 5000 (it must fit inside it).

        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        // How many sends failed with each kind of exception; the first of each kind is printed whole.
        Map<String, AtomicLong> failures = new ConcurrentSkipListMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        // Stop (or Ctrl+C) ends the loop below and waits for main to close the producer.
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.set(false);
            try {
                main.join(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));

        long sent = 0;
        KafkaProducer<String, String> producer = new KafkaProducer<>(props);
        try {
            long nextReport = System.currentTimeMillis() + 1_000;
            while (running.get()) {
                String key = "key-" + sent % 6;
                producer.send(new ProducerRecord<>(TOPIC, key, "record " + sent), (metadata, exception) -> {
                    // On the producer's I/O thread, once the record's fate is known.
                    if (exception == null) {
                        acked.incrementAndGet();
                        return;
                    }
                    failed.incrementAndGet();
                    AtomicLong kind = failures.computeIfAbsent(exception.getClass().getSimpleName(), k -> new AtomicLong());
                    if (kind.getAndIncrement() == 0) {
                        System.out.println("send failed: " + exception);
                    }
                });
                sent++;
                if (System.currentTimeMillis() >= nextReport) {
                    nextReport += 1_000;
                    System.out.println("sent " + sent + ", acked " + acked.get() + ", failed " + failed.get()
                            + (failures.isEmpty() ? "" : " " + failures));
                }
                Thread.sleep(20);
            }
        } finally {
            // Sends what is still buffered and waits for every answer.
            producer.close();
        }
        System.out.println("closed: sent " + sent + ", acked " + acked.get() + ", failed " + failed.get()
                + ", unanswered " + (sent - acked.get() - failed.get()));
    }
}
