package dev.kafkalab.produce.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kafkalab.testkit.Await;
import dev.kafkalab.testkit.LocalClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stock price stream on the real cluster: everything sent is acknowledged, stored and readable. */
class StockPriceSenderIT {

    @RegisterExtension
    static final LocalClusterExtension kafka = new LocalClusterExtension();

    @Test
    void everyPriceSentIsAcknowledgedAndReadsBackUnderItsSymbol() throws Exception {
        String topic = "stock-prices";
        kafka.createTopic(topic, 3, 3, Map.of("min.insync.replicas", "2"));
        StockPriceSender sender = StockPriceSender.start(kafka.cluster().bootstrapServers(), topic, 50);
        long started = System.nanoTime();
        Await.until(() -> sender.acked() >= 60, LocalClusterExtension.WAIT, "60 prices acknowledged");
        assertEquals(StockPriceSender.State.RUNNING, sender.state());
        sender.stop().get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertSame(sender.stop(), sender.stop(), "stop() again gives the same future");
        sender.close();

        assertEquals(StockPriceSender.State.STOPPED, sender.state());
        assertTrue(sender.failure().isEmpty(), sender.failure().toString());
        assertEquals(sender.sent(), sender.acked(), "every price sent was acknowledged");
        assertTrue(sender.sent() <= 50 * seconds + 2, sender.sent() + " prices in " + seconds + " s at 50/s");

        List<ConsumerRecord<String, byte[]>> stored = readAll(topic, 3);
        assertEquals(sender.sent(), stored.size(), "stored prices");
        StockPriceDeserializer deserializer = new StockPriceDeserializer();
        Map<String, Integer> partitionOf = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : stored) {
            StockPrice price = deserializer.deserialize(topic, r.value());
            assertEquals(r.key(), price.symbol());
            assertTrue(StockPriceSender.SYMBOLS.contains(price.symbol()), price.toString());
            assertTrue(price.priceCents() > 0, price.toString());
            assertEquals(partitionOf.computeIfAbsent(r.key(), k -> r.partition()), r.partition(),
                    "every price of " + r.key() + " in one partition");
        }
        assertEquals(StockPriceSender.SYMBOLS.size(), partitionOf.size(), "every symbol sent: " + partitionOf);
    }

    @Test
    void aTopicKafkaRefusesFailsTheSenderWithKafkasReason() throws Exception {
        StockPriceSender sender = StockPriceSender.start(kafka.cluster().bootstrapServers(), "no spaces allowed", 10);
        Await.until(() -> sender.state() != StockPriceSender.State.RUNNING, LocalClusterExtension.WAIT,
                "the sender to stop by itself");
        assertEquals(StockPriceSender.State.FAILED, sender.state());
        sender.stop().get(10, TimeUnit.SECONDS);
        assertEquals(StockPriceSender.State.FAILED, sender.state(), "stopping a failed sender keeps it FAILED");
        System.out.println(sender.failure().orElseThrow());
        assertTrue(sender.failure().orElseThrow().startsWith("Stock prices to 'no spaces allowed' stopped: "),
                sender.failure().orElseThrow());
        assertEquals(0, sender.acked());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> StockPriceSender.start(kafka.cluster().bootstrapServers(), "prices", 0));
        assertEquals("Send between 1 and 10000 prices a second, not 0.", rate.getMessage());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int partitions) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.cluster().bootstrapServers());
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + end + " within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }
}
