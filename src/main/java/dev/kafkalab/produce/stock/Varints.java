package dev.kafkalab.produce.stock;

import java.nio.ByteBuffer;

/**
 * Base-128 varints as protobuf and Kafka's record format write them: seven bits a byte, low
 * bits first, the high bit saying "more follows"; signed numbers zig-zag encoded so small
 * negatives stay short. Written here because Kafka 4.4 moved its own to an internal package.
 */
final class Varints {

    private Varints() {
    }

    static int sizeOfUnsigned(long value) {
        int bytes = 1;
        while ((value & ~0x7FL) != 0) {
            bytes++;
            value >>>= 7;
        }
        return bytes;
    }

    static int sizeOfSigned(long value) {
        return sizeOfUnsigned(zigZag(value));
    }

    static void writeUnsigned(long value, ByteBuffer out) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    static void writeSigned(long value, ByteBuffer out) {
        writeUnsigned(zigZag(value), out);
    }

    /** Fails with IllegalArgumentException past ten bytes, the most a long takes. */
    static long readUnsigned(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("a varint longer than ten bytes");
    }

    static long readSigned(ByteBuffer in) {
        long raw = readUnsigned(in);
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static long zigZag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}
