package dev.kafkalab.ui;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers under a partition's offsets bar on the Cluster screen, as {@code start 0 · HW 1 ·
 * LEO 2:1 3:1 1 (down):1001} reads: log start, high watermark, the log end of each replica whose
 * broker is up, and the last one seen of each broker that is down (its dashed mark).
 */
record OffsetsLegend(long start, long highWatermark, Map<Integer, Long> ends, Map<Integer, Long> down, String text) {

    private static final Pattern LEGEND = Pattern.compile("start (-?\\d+) · HW (-?\\d+)(?: · LEO ([^·]+))?.*");
    private static final Pattern END = Pattern.compile("(\\d+)( \\(down\\))?:(-?\\d+)");

    static OffsetsLegend parse(String text) {
        Matcher m = LEGEND.matcher(text);
        if (!m.matches()) {
            throw new AssertionError("Cluster screen: an offsets legend of an unknown form: '" + text + "'");
        }
        Map<Integer, Long> ends = new TreeMap<>();
        Map<Integer, Long> down = new TreeMap<>();
        Matcher end = END.matcher(m.group(3) == null ? "" : m.group(3));
        while (end.find()) {
            (end.group(2) == null ? ends : down).put(Integer.parseInt(end.group(1)), Long.parseLong(end.group(3)));
        }
        return new OffsetsLegend(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), ends, down, text);
    }

    /** No broker down, and each of the replicas' logs ends at the high watermark. */
    boolean settled(int replicas) {
        return down.isEmpty() && ends.size() == replicas && ends.values().stream().allMatch(e -> e == highWatermark);
    }

    @Override
    public String toString() {
        return "'" + text + "'";
    }
}
