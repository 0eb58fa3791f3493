package dev.kafkalab.produce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a result says about a tombstone, without a cluster. */
class SendResultTest {

    @Test
    void aTombstoneIsExplainedAfterWhereItsKeyLanded() {
        int partition = KeyPlacement.of("employee-7", 3).partition();
        SendResult r = new SendResult("employee-7", null, partition, 12, 3, ProducerSettings.DEFAULTS, null);
        assertTrue(r.tombstone());
        assertTrue(r.why().startsWith(KeyPlacement.of("employee-7", 3).computation() + ", and it landed there."),
                r.why());
        assertTrue(r.why().contains("tombstone") && r.why().contains("\"employee-7\""), r.why());
    }

    @Test
    void aNullValueWithoutAKeyDeletesNothingAndAFailureHasNoWhy() {
        SendResult unkeyed = new SendResult(null, null, 0, 3, 3, ProducerSettings.DEFAULTS, null);
        assertTrue(unkeyed.why().contains("without a key it deletes nothing"), unkeyed.why());
        SendResult failed = SendResult.failed("k", null, ProducerSettings.DEFAULTS, "NotEnoughReplicas");
        assertFalse(failed.ok());
        assertNull(failed.why());
        SendResult plain = new SendResult("k", "v", 0, 0, 1, ProducerSettings.DEFAULTS, null);
        assertFalse(plain.tombstone());
        assertFalse(plain.why().contains("tombstone"), plain.why());
    }
}
