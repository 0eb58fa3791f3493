package dev.kafkalab.produce.stock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The stock price wire format: every price comes back as it went, and garbage is refused with a reason. */
class StockPriceSerializerTest {

    private final StockPriceSerializer serializer = new StockPriceSerializer();
    private final StockPriceDeserializer deserializer = new StockPriceDeserializer();

    @ParameterizedTest
    @CsvSource(textBlock = """
            ACME,     12500,               2026-11-22T10:56:22.123456789Z
            HOOLI,    0,                   1970-01-01T00:00:00Z
            Ünïcødé,  9223372036854775807, 1969-07-20T20:17:40Z
            X,        1,                   +1000000000-12-31T23:59:59.999999999Z
            """)
    void aPriceComesBackAsItWent(String symbol, long cents, String at) {
        StockPrice price = new StockPrice(symbol, cents, Instant.parse(at));
        assertEquals(price, deserializer.deserialize("prices", serializer.serialize("prices", price)));
    }

    @Test
    void aPriceOfTodayTakesAboutEighteenBytes() {
        byte[] bytes = serializer.serialize("prices", new StockPrice("ACME", 12_500, Instant.now()));
        assertTrue(bytes.length <= 20, bytes.length + " bytes: " + Arrays.toString(bytes));
        assertEquals(1, bytes[0], "the format version first");
        assertEquals(new BigDecimal("125.00"), new StockPrice("ACME", 12_500, Instant.now()).price());
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertNull(serializer.serialize("prices", null));
        assertNull(deserializer.deserialize("prices", null));
    }

    @Test
    void whatIsNotAPriceIsRefusedWithTheReason() {
        byte[] good = serializer.serialize("prices", new StockPrice("ACME", 12_500, Instant.now()));
        assertEquals("Not a stock price: the value is empty.", refused(new byte[0]));
        assertEquals("Not a stock price this version reads: format version 2, expected 1.", refused(new byte[] {2}));
        assertEquals("Not a stock price: the value stops short after " + (good.length - 1) + " bytes.",
                refused(Arrays.copyOf(good, good.length - 1)));
        assertEquals("Not a stock price: 1 bytes after its end.", refused(Arrays.copyOf(good, good.length + 1)));
        assertEquals("Not a stock price: a symbol of 100 bytes, with 0 bytes left.", refused(new byte[] {1, 100}));
        byte[] utf8Text = "{\"symbol\":\"ACME\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(refused(utf8Text).startsWith("Not a stock price this version reads"), refused(utf8Text));
        assertArrayEquals(good, serializer.serialize("prices", deserializer.deserialize("prices", good)));
    }

    @Test
    void aPriceNeedsASymbolATimeAndNoNegativeCents() {
        assertThrows(IllegalArgumentException.class, () -> new StockPrice(" ", 1, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new StockPrice("ACME", -1, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new StockPrice("ACME", 1, null));
    }

    private String refused(byte[] data) {
        return assertThrows(SerializationException.class, () -> deserializer.deserialize("prices", data)).getMessage();
    }
}
