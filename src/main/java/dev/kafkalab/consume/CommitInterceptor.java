package dev.kafkalab.consume;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells a member about every commit that succeeded, auto-commits included, which the consumer API
 * reports nowhere else. Public only because the client creates it by reflection; it reads its
 * sink from the configuration under {@link #SINK}.
 */
public final class CommitInterceptor implements ConsumerInterceptor<String, String> {

    static final String SINK = "kafka-lab.commit-sink";

    private Consumer<Map<TopicPartition, OffsetAndMetadata>> sink = offsets -> { };

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        if (configs.get(SINK) instanceof Consumer<?> c) {
            sink = (Consumer<Map<TopicPartition, OffsetAndMetadata>>) c;
        }
    }

    @Override
    public ConsumerRecords<String, String> onConsume(ConsumerRecords<String, String> records) {
        return records;
    }

    /** Called on whichever client thread completed the commit. */
    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        sink.accept(offsets);
    }

    @Override
    public void close() {
    }
}
