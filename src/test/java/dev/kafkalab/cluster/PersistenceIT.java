package dev.kafkalab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topics and records survive closing the app; a reset wipes them; nothing is left running. */
class PersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void topicsSurviveARestartAndAResetWipesThem() throws Exception {
        ClusterSpec spec = ClusterSpec.builder().dataDir(dataDir).firstBrokerPort(0).build();
        List<Long> pids;
        try (LocalCluster cluster = new LocalCluster(spec)) {
            cluster.start().get(120, TimeUnit.SECONDS);
            try (Admin admin = admin(cluster)) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
                produce(cluster, "kept", 25);
                assertEquals(25, records(admin, "kept", 2));
            }
            pids = cluster.livePids();
            assertEquals(4, pids.size());
        }
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "node pid " + pid + " still alive after close()");
        }
        assertTrue(Files.isRegularFile(dataDir.resolve("logs/broker-1.log")), "each node logs to its own file");

        try (LocalCluster again = new LocalCluster(spec)) {
            again.start().get(120, TimeUnit.SECONDS);
            try (Admin admin = admin(again)) {
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("kept"));
                assertEquals(25, records(admin, "kept", 2), "records kept across a restart");
            }
        }

        LocalCluster.wipe(dataDir);
        try (LocalCluster fresh = new LocalCluster(spec)) {
            fresh.start().get(120, TimeUnit.SECONDS);
            try (Admin admin = admin(fresh)) {
                Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertFalse(names.contains("kept"), "a reset deletes every topic: " + names);
            }
        }
    }

    private static long records(Admin admin, String topic, int partitions) throws Exception {
        long total = 0;
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            total += admin.listOffsets(java.util.Map.of(tp, OffsetSpec.latest())).partitionResult(tp)
                    .get(30, TimeUnit.SECONDS).offset();
        }
        return total;
    }

    private static Admin admin(LocalCluster cluster) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(props);
    }

    private static void produce(LocalCluster cluster, String topic, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }
}
