package dev.kafkalab.ui.produce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kafkalab.produce.ProduceCli;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.SendTally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The produce form's small rules: headers, key order, the rate slider, the command line. */
class ProduceFormTest {

    @Test
    void headersAreNameValuePairsSeparatedByCommas() {
        assertEquals(Map.of("source", "web", "trace", "a=b"), ProduceForm.parseHeaders(" source=web, trace=a=b"));
        assertEquals(Map.of(), ProduceForm.parseHeaders("  "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProduceForm.parseHeaders("source=web, oops"));
        assertEquals("Headers: write name=value pairs separated by commas, not \"oops\".", e.getMessage());
    }

    @Test
    void keysWithNumbersSortAsNumbers() {
        List<SendTally.KeyRow> rows = new ArrayList<>(List.of(row("employee-10"), row("employee-2"),
                row("customer-1"), row("employee-1")));
        rows.sort(SendTally.KEY_ORDER);
        assertEquals(List.of("customer-1", "employee-1", "employee-2", "employee-10"),
                rows.stream().map(SendTally.KeyRow::key).toList());
    }

    @Test
    void theRateSliderStepsRoundlyOnALogScale() {
        assertEquals(1, ProduceForm.niceRate(0));
        assertEquals(100, ProduceForm.niceRate(2));
        assertEquals(10_000, ProduceForm.niceRate(4));
        assertEquals(50_000, ProduceForm.niceRate(4.7));
        assertEquals(320, ProduceForm.niceRate(2.5));
    }

    @Test
    void theCommandLineNamesOnlySettingsThatDifferFromKafkasDefaults() {
        ProducerSettings acks1 = ProducerSettings.DEFAULTS.withAcks(ProducerSettings.Acks.LEADER);
        assertEquals("kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders"
                + " --property parse.key=true --property key.separator=: --producer-property acks=1"
                + " --producer-property enable.idempotence=false    # then type key:value lines",
                ProduceCli.consoleProducer("localhost:9092", "orders", true, acks1));
        assertEquals("kafka-producer-perf-test.sh --topic orders --num-records 500 --record-size 100 --throughput 200"
                + " --producer-props bootstrap.servers=localhost:9092",
                ProduceCli.perfTest("localhost:9092", "orders", 500, 100, 200, ProducerSettings.DEFAULTS));
    }

    private static SendTally.KeyRow row(String key) {
        return new SendTally.KeyRow(key, 0, 1);
    }
}
