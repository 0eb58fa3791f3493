package dev.kafkalab.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.junit.jupiter.api.Test;

/** How a share-group member answers the records it gets, by policy. */
class AckPolicyTest {

    @Test
    void everyNthIsRejectedOrReleasedAndTheRestAccepted() {
        assertEquals(List.of(AcknowledgeType.ACCEPT, AcknowledgeType.ACCEPT, AcknowledgeType.REJECT,
                AcknowledgeType.ACCEPT, AcknowledgeType.ACCEPT, AcknowledgeType.REJECT), answers(AckPolicy.rejectEvery(3)));
        assertEquals(List.of(AcknowledgeType.RELEASE, AcknowledgeType.RELEASE, AcknowledgeType.RELEASE,
                AcknowledgeType.RELEASE, AcknowledgeType.RELEASE, AcknowledgeType.RELEASE), answers(AckPolicy.releaseEvery(1)));
        assertEquals(6, answers(AckPolicy.ACCEPT).stream().filter(a -> a == AcknowledgeType.ACCEPT).count());
        assertNull(AckPolicy.HOLD.decide(1), "holding answers nothing");
        assertNull(AckPolicy.BY_HAND.decide(1), "a person answers, not the policy");
        assertTrue(AckPolicy.BY_HAND.holds() && AckPolicy.HOLD.holds() && !AckPolicy.ACCEPT.holds());
    }

    @Test
    void itSaysWhatItDoesInWords() {
        assertEquals("rejects every 3rd record", AckPolicy.rejectEvery(3).describe());
        assertEquals("releases every 11th record", AckPolicy.releaseEvery(11).describe());
        assertEquals("rejects every 22nd record", AckPolicy.rejectEvery(22).describe());
        assertEquals("holds its records without acknowledging them", AckPolicy.HOLD.describe());
        assertThrows(IllegalArgumentException.class, () -> AckPolicy.rejectEvery(0));
    }

    private static List<AcknowledgeType> answers(AckPolicy policy) {
        return LongStream.rangeClosed(1, 6).mapToObj(policy::decide).toList();
    }
}
