package dev.kafkalab.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

/** An older cluster's refusal of a too-new request is learned once; a slow answer is not such a refusal. */
class OlderBrokersTest {

    @Test
    void onlyARefusalAsTooNewMakesTheCallsTheOlderWay() {
        OlderBrokers older = new OlderBrokers();
        older.learn(failed(new TimeoutException("slow")), done());
        assertFalse(older.olderCluster(), "a timeout says nothing about the cluster's version");
        older.learn(failed(new UnsupportedVersionException("DescribeCluster v2 (includeFencedBrokers)")), done());
        assertTrue(older.olderCluster());
    }

    private static KafkaFutureImpl<Object> failed(Throwable t) {
        KafkaFutureImpl<Object> f = new KafkaFutureImpl<>();
        f.completeExceptionally(t);
        return f;
    }

    private static KafkaFutureImpl<Object> done() {
        KafkaFutureImpl<Object> f = new KafkaFutureImpl<>();
        f.complete(null);
        return f;
    }
}
