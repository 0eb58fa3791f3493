package dev.kafkalab.produce;

import dev.kafkalab.common.Wait;
import dev.kafkalab.clients.ClientFactory;
import dev.kafkalab.cluster.LocalCluster;
import dev.kafkalab.cluster.NodeState;
import dev.kafkalab.produce.DurabilityDemo.DemoException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The one partition {@link DurabilityDemo} breaks, as the cluster's Admin API sees it. */
final class DemoPartition implements AutoCloseable {

    /** A question to the cluster whose answer is null (or false) until it holds. */
    interface Check<T> {
        T ask(DemoPartition partition) throws Exception;
    }

    private static final String NEEDS = "The demo needs 1 partition, replication factor 3 and"
            + " min.insync.replicas=2: create a topic for it.";

    private final Admin admin;
    private final TopicPartition tp;

    /** Its own Admin client with the monitor's timeouts: the demo freezes brokers, and every question must outlive that. */
    DemoPartition(ClientFactory clients, TopicPartition tp) {
        this.admin = clients.admin(ClientFactory.Profile.MONITOR, "kafka-lab-durability-demo");
        this.tp = tp;
    }

    /** Fails with the reason unless every node runs and the partition is led with all three replicas in sync. */
    TopicPartitionInfo checkReady(LocalCluster cluster) throws Exception {
        List<String> notRunning = cluster.nodes().stream().filter(n -> n.state() != NodeState.RUNNING)
                .map(n -> n.label() + " is " + n.state().word()).toList();
        if (!notRunning.isEmpty()) {
            throw new DemoException("Every node must be running for the demo, and " + String.join(", ", notRunning)
                    + ": start or resume it first.");
        }
        if (cluster.brokerIds().size() < 3) {
            throw new DemoException("The demo needs three brokers; this cluster has " + cluster.brokerIds().size()
                    + ".");
        }
        TopicDescription d;
        try {
            d = admin.describeTopics(List.of(tp.topic())).allTopicNames().get(10, TimeUnit.SECONDS).get(tp.topic());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new DemoException("There is no topic '" + tp.topic() + "': create it with 1 partition,"
                        + " replication factor 3 and min.insync.replicas=2.");
            }
            throw e;
        }
        if (d.partitions().size() != 1) {
            throw new DemoException("'" + tp.topic() + "' has " + d.partitions().size() + " partitions. " + NEEDS);
        }
        TopicPartitionInfo p = d.partitions().get(0);
        if (p.replicas().size() != 3) {
            throw new DemoException("'" + tp.topic() + "' has replication factor " + p.replicas().size() + ". "
                    + NEEDS);
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, tp.topic());
        String minIsr = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
        if (!"2".equals(minIsr)) {
            throw new DemoException("'" + tp.topic() + "' has min.insync.replicas=" + minIsr + ". " + NEEDS);
        }
        if (p.leader() == null || p.isr().size() != 3) {
            throw new DemoException("Partition " + tp + " has " + (p.leader() == null ? "no leader and " : "")
                    + "in-sync replicas " + p.isr().stream().map(Node::id).toList() + " of "
                    + p.replicas().stream().map(Node::id).toList() + ": wait until all three are in sync.");
        }
        return p;
    }

    TopicPartitionInfo describe() throws Exception {
        return admin.describeTopics(List.of(tp.topic())).allTopicNames().get(5, TimeUnit.SECONDS).get(tp.topic())
                .partitions().get(tp.partition());
    }

    /** The offset after the last record every in-sync replica has: what consumers can read. */
    long highWatermark() throws Exception {
        return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get(5, TimeUnit.SECONDS)
                .offset();
    }

    /**
     * Asks every 100 ms until the answer is there: a cluster under repair has no event to wait on,
     * and a call that fails on the way (a broker just died) is asked again.
     */
    <T> T await(Check<T> check, Duration timeout, String what) throws Exception {
        try {
            return Wait.upTo(timeout, what).until(() -> check.ask(this));
        } catch (Wait.TimedOut e) {
            throw new DemoException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
