package dev.kafkalab.ui.produce;

import dev.kafkalab.produce.KeyPattern;
import dev.kafkalab.produce.ProducerSettings;
import dev.kafkalab.produce.StreamRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the produce screen sends: the topic, one record (key, value, headers), and how a burst
 * or stream makes its records (keys, value size, how many, how fast).
 */
public final class ProduceForm {

    // Properties
    private final StringProperty topic = new SimpleStringProperty();
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("hello");
    private final StringProperty headers = new SimpleStringProperty("");
    private final ObjectProperty<KeyPattern.Kind> keyKind = new SimpleObjectProperty<>(KeyPattern.Kind.DISTINCT);
    private final StringProperty fixedKey = new SimpleStringProperty("employee-1");
    private final IntegerProperty distinctKeys = new SimpleIntegerProperty(5);
    private final IntegerProperty burstCount = new SimpleIntegerProperty(100);
    private final IntegerProperty valueBytes = new SimpleIntegerProperty(0);
    private final IntegerProperty rate = new SimpleIntegerProperty(100);
    private final BooleanProperty unlimitedRate = new SimpleBooleanProperty(false);

    public StringProperty topic() {
        return topic;
    }

    public StringProperty key() {
        return key;
    }

    public StringProperty value() {
        return value;
    }

    public StringProperty headers() {
        return headers;
    }

    public ObjectProperty<KeyPattern.Kind> keyKind() {
        return keyKind;
    }

    public StringProperty fixedKey() {
        return fixedKey;
    }

    public IntegerProperty distinctKeys() {
        return distinctKeys;
    }

    public IntegerProperty burstCount() {
        return burstCount;
    }

    /** The size of each value in bursts and streams; 0 for numbered values (record-17). */
    public IntegerProperty valueBytes() {
        return valueBytes;
    }

    public IntegerProperty rate() {
        return rate;
    }

    public BooleanProperty unlimitedRate() {
        return unlimitedRate;
    }

    // What the fields describe

    /** The key of the one record; null when the field is empty, so the record has no key. */
    String recordKey() {
        return key.get() == null || key.get().isEmpty() ? null : key.get();
    }

    /** The one record's headers; refused, with what was expected, when the field is not name=value pairs. */
    Map<String, String> recordHeaders() {
        return parseHeaders(headers.get());
    }

    /** A burst of {@link #burstCount()} records, or a stream at the rate; refused with the reason. */
    StreamRequest streamRequest(boolean burst, ProducerSettings settings) {
        StreamRequest request = new StreamRequest(topic.get(), keyPattern(), burst || unlimitedRate.get() ? 0 : rate.get(),
                burst ? burstCount.get() : 0, valueBytes.get(), settings);
        if (burst && burstCount.get() < 1) {
            throw new IllegalArgumentException("Burst: at least 1 record.");
        }
        return request;
    }

    private KeyPattern keyPattern() {
        return switch (keyKind.get()) {
            case NONE -> KeyPattern.NO_KEY;
            case FIXED -> KeyPattern.fixed(fixedKey.get());
            case DISTINCT -> KeyPattern.distinct(distinctKeys.get());
            case RANDOM -> KeyPattern.random();
        };
    }

    /** "a=1, b=2" to a map; a part without '=' is refused with what was expected. */
    static Map<String, String> parseHeaders(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Headers: write name=value pairs separated by commas, not \""
                        + part.trim() + "\".");
            }
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        return out;
    }

    /** The slider moves on a log scale, 1 to 50,000 records a second, in round steps. */
    static int niceRate(double log) {
        double raw = Math.pow(10, log);
        double step = Math.pow(10, Math.max(0, Math.floor(Math.log10(raw)) - 1));
        return (int) Math.max(1, Math.round(raw / step) * step);
    }
}
