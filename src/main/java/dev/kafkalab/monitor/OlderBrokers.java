package dev.kafkalab.monitor;

import java.util.Collection;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cluster older than the app's clients (Kafka 3.x) does not answer, learned from its first
 * refusal: fenced brokers in describeCluster (KIP-1073, 4.0) and group types in listGroups
 * (KIP-848's filter, 3.8). The calls are then made the older way, so a remote 3.x cluster's
 * brokers and consumer groups still show.
 */
final class OlderBrokers {

    private static final Logger LOG = LoggerFactory.getLogger(OlderBrokers.class);

    private volatile boolean noFencedBrokers;
    private volatile boolean noGroupTypes;

    DescribeClusterResult describeCluster(Admin admin, int timeoutMs) {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs(timeoutMs);
        return admin.describeCluster(noFencedBrokers ? options : options.includeFencedBrokers(true));
    }

    /** Consumer groups of both protocols; on an older cluster, every group whose protocol type is "consumer". */
    KafkaFuture<Collection<GroupListing>> consumerGroups(Admin admin, int timeoutMs) {
        if (!noGroupTypes) {
            return admin.listGroups(ListGroupsOptions.forConsumerGroups().timeoutMs(timeoutMs)).all();
        }
        return admin.listGroups(new ListGroupsOptions().timeoutMs(timeoutMs)).all()
                .thenApply(all -> all.stream().filter(g -> "consumer".equals(g.protocol())).toList());
    }

    /** After a snapshot: a call the cluster refused as too new is made the older way from now on. */
    void learn(KafkaFuture<?> cluster, KafkaFuture<?> groups) {
        if (!noFencedBrokers && unsupported(cluster)) {
            noFencedBrokers = true;
            LOG.info("The cluster does not list fenced brokers (older than Kafka 4.0): brokers are read without them");
        }
        if (!noGroupTypes && unsupported(groups)) {
            noGroupTypes = true;
            LOG.info("The cluster does not filter groups by type (older than Kafka 3.8): consumer groups are read by"
                    + " protocol type");
        }
    }

    boolean olderCluster() {
        return noFencedBrokers || noGroupTypes;
    }

    private static boolean unsupported(KafkaFuture<?> future) {
        if (!future.isCompletedExceptionally()) {
            return false;
        }
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof UnsupportedVersionException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
