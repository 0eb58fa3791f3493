package dev.kafkalab.produce.stock;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads what {@link StockPriceSerializer} wrote; anything else fails with a message saying what is wrong. */
public final class StockPriceDeserializer implements Deserializer<StockPrice> {

    @Override
    public StockPrice deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0) {
            throw new SerializationException("Not a stock price: the value is empty.");
        }
        ByteBuffer in = ByteBuffer.wrap(data);
        byte version = in.get();
        if (version != StockPriceSerializer.VERSION) {
            throw new SerializationException("Not a stock price this version reads: format version " + version
                    + ", expected " + StockPriceSerializer.VERSION + ".");
        }
        try {
            long length = Varints.readUnsigned(in);
            if (length < 0 || length > in.remaining()) {
                throw new SerializationException("Not a stock price: a symbol of " + length + " bytes, with "
                        + in.remaining() + " bytes left.");
            }
            byte[] symbol = new byte[(int) length];
            in.get(symbol);
            long cents = Varints.readSigned(in);
            long seconds = Varints.readSigned(in);
            long nanos = Varints.readUnsigned(in);
            if (nanos < 0 || nanos > 999_999_999) {
                throw new SerializationException("Not a stock price: " + nanos + " nanoseconds in a second.");
            }
            if (in.hasRemaining()) {
                throw new SerializationException("Not a stock price: " + in.remaining() + " bytes after its end.");
            }
            return new StockPrice(new String(symbol, StandardCharsets.UTF_8), cents,
                    Instant.ofEpochSecond(seconds, nanos));
        } catch (BufferUnderflowException e) {
            throw new SerializationException("Not a stock price: the value stops short after " + data.length
                    + " bytes.");
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new SerializationException("Not a stock price: " + e.getMessage());
        }
    }
}
