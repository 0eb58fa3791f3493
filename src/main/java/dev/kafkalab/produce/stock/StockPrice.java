package dev.kafkalab.produce.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The price of one share at one moment: what the stock-price stream sends, keyed by symbol, so
 * every price of a symbol lands in one partition, in order.
 *
 * @param priceCents the price in cents: whole numbers, so no rounding on the way through Kafka
 */
public record StockPrice(String symbol, long priceCents, Instant at) {

    /** Keeps a symbol short enough to read in a table; the wire format itself has no limit. */
    public static final int MAX_SYMBOL_LENGTH = 32;

    public StockPrice {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("A stock price needs a symbol.");
        }
        if (symbol.length() > MAX_SYMBOL_LENGTH) {
            throw new IllegalArgumentException("A symbol has at most " + MAX_SYMBOL_LENGTH + " characters, '"
                    + symbol + "' has " + symbol.length() + ".");
        }
        if (priceCents < 0) {
            throw new IllegalArgumentException("A price cannot be negative, was " + priceCents + " cents for " + symbol
                    + ".");
        }
        if (at == null) {
            throw new IllegalArgumentException("A stock price needs the time it was quoted.");
        }
    }

    /** 12345 cents as 123.45. */
    public BigDecimal price() {
        return BigDecimal.valueOf(priceCents, 2);
    }
}
