import java.io.FileReader;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Lab 11, step 5: two consumers of one group, each on its own thread, sharing the partitions.
 * They read until stopped.
 */
public class ConsumerDemo {

    static final String TOPIC = "my-consumer-topic";
    static final String GROUP = "java-pair";

    public static void main(String[] args) throws Exception {
        Properties cluster = new Properties();
        cluster.put("bootstrap.servers", args.length > 0 ? args[0] : "localhost:9092");
        // On a secured cluster (a class's, a team's) it also passes a client.properties file.
        if (args.length > 1) {
            try (FileReader in = new FileReader(args[1])) {
                cluster.load(in);
            }
        }
        // A KafkaConsumer is not thread-safe: one per thread, each a member of the group.
        List<KafkaConsumer<String, String>> consumers = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumers.forEach(KafkaConsumer::wakeup);
            // One deadline for both: each closes and leaves the group meanwhile.
            long deadline = System.currentTimeMillis() + 1_500;
            for (Thread t : threads) {
                try {
                    t.join(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        for (String name : List.of("consumer-1", "consumer-2")) {
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings(cluster));
            consumers.add(consumer);
            Thread t = new Thread(() -> read(name, consumer), name);
            threads.add(t);
            t.start();
            // The second joins a few seconds after the first: the console shows the group rebalance.
            Thread.sleep(5_000);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static Properties settings(Properties cluster) {
        Properties props = new Properties();
        props.putAll(cluster);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    static void read(String name, KafkaConsumer<String, String> consumer) {
        try (consumer) {
            consumer.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    System.out.println(name + " gives up " + partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    System.out.println(name + " gets " + partitions);
                }
            });
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    System.out.println(name + ": partition " + r.partition() + ", offset " + r.offset());
                }
                consumer.commitSync();
            }
        } catch (WakeupException e) {
            System.out.println(name + " stopped");
        }
    }
}
