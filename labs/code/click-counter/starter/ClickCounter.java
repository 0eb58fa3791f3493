import java.io.FileReader;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.Stores;

/** Lab 15: a Kafka Streams application that counts clicks per user, its state kept in Kafka. */
public class ClickCounter {

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        // The application's name: its consumer group, and the prefix of the topics it makes.
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "click-counter");
        // Kafka Lab passes its cluster's address as the first argument; elsewhere, localhost:9092.
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        // On a secured cluster (a class's, a team's) it also passes a client.properties file.
        if (args.length > 1) {
            try (FileReader in = new FileReader(args[1])) {
                props.load(in);
            }
        }
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // Its own topics (the changelog) get three copies, like the course's topics.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3);
        // Commit, and so send the updated counts, every second instead of every 30 s.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);

        StreamsBuilder builder = new StreamsBuilder();
        builder.<String, String>stream("clicks")
                .groupByKey()
                // A state store in memory, backed up to the compacted topic click-counter-counts-changelog.
                .count(Materialized.as(Stores.inMemoryKeyValueStore("counts")))
                .toStream()
                .mapValues(count -> Long.toString(count))
                .to("click-counts");

        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.setStateListener((now, before) -> System.out.println("state " + before + " -> " + now));
        streams.setGlobalStateRestoreListener(new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition changelog, String store, long start, long end) {
                System.out.println("restoring " + store + " from " + changelog + ", offsets " + start + " to " + end);
            }

            @Override
            public void onBatchRestored(TopicPartition changelog, String store, long endOffset, long restored) {
            }

            @Override
            public void onRestoreEnd(TopicPartition changelog, String store, long restored) {
                System.out.println("restored " + restored + " record(s) of " + store + " from " + changelog);
            }
        });

        CountDownLatch stopped = new CountDownLatch(1);
        // Stop (or Ctrl+C, or kill) runs this: the instance leaves its group, and the app ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(10)));
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }
}
