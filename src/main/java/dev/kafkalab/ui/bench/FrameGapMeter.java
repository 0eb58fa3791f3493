package dev.kafkalab.ui.bench;

import dev.kafkalab.common.Wait;
import dev.kafkalab.common.Threads;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without drawing a frame, and where it is when it goes
 * over 50 ms: the top of its stack, or the renderer's when the FX thread waits for it. Start it
 * on the FX thread; read it from any thread.
 */
final class FrameGapMeter {

    private volatile long lastFrame;
    private final java.util.concurrent.atomic.AtomicLong frameCount = new java.util.concurrent.atomic.AtomicLong();
    private volatile long longestGapNanos;
    private volatile boolean measuring;
    private volatile String phase = "";
    private volatile Thread fxThread;
    private final List<String> longGaps = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> stallStacks = new ConcurrentHashMap<>();

    /** Starts the frame timer and the stack sampler. FX thread. */
    void start() {
        fxThread = Thread.currentThread();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = lastFrame;
                lastFrame = now;
                frameCount.incrementAndGet();
                if (measuring && previous != 0) {
                    longestGapNanos = Math.max(longestGapNanos, now - previous);
                    if (now - previous > 100_000_000L) {
                        longGaps.add(String.format(Locale.ROOT, "%.0f ms ending %s during %s", (now - previous) / 1e6,
                                java.time.LocalTime.now(), phase));
                    }
                }
            }
        }.start();
        Threads.start("fx-stall-sampler", this::sample);
    }

    /** Frames drawn since {@link #start()}. */
    long frames() {
        return frameCount.get();
    }

    /** Starts measuring a new phase: the longest gap counts from now. */
    void measure(String name) {
        phase = name;
        longestGapNanos = 0;
        measuring = true;
    }

    /** Waits until n more frames have been drawn. */
    void awaitFrames(int n, java.time.Duration timeout) throws java.util.concurrent.TimeoutException, InterruptedException {
        long target = frameCount.get() + n;
        Wait.upTo(timeout, n + " frames").every(java.time.Duration.ofMillis(10)).until(() -> frameCount.get() >= target);
    }

    /** Stops measuring; returns the longest gap of the phase in ms. */
    double stop() {
        measuring = false;
        return longestGapNanos / 1e6;
    }

    void phase(String name) {
        phase = name;
    }

    List<String> longGaps() {
        return longGaps;
    }

    /** The most frequent stacks seen while the FX thread was over 50 ms without a frame. */
    void printStalls(java.io.PrintStream err, int limit) {
        longGaps.forEach(g -> err.println("  frame gap " + g));
        stallStacks.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> err.println("  FX thread busy over 50 ms, seen " + e.getValue() + " times in:\n"
                        + e.getKey()));
    }

    /** Every 10 ms: if no frame for 50 ms while measuring, note where the FX thread is. */
    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                // A sampling period, not synchronisation.
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
            Thread fx = fxThread;
            long last = lastFrame;
            if (!measuring || fx == null || last == 0 || System.nanoTime() - last < 50_000_000L) {
                continue;
            }
            StackTraceElement[] stack = fx.getStackTrace();
            boolean waitingForRenderer = Arrays.stream(stack)
                    .anyMatch(f -> f.getMethodName().equals("waitForRenderingToComplete"));
            if (waitingForRenderer) {
                Thread renderer = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
                if (renderer != null) {
                    stack = renderer.getStackTrace();
                }
            }
            StringBuilder key = new StringBuilder(waitingForRenderer ? "  (the renderer)\n" : "");
            int shown = 0;
            for (StackTraceElement frame : stack) {
                if (shown == 14) {
                    break;
                }
                key.append("    at ").append(frame).append('\n');
                shown++;
            }
            stallStacks.merge(phase + "\n" + key, 1, Integer::sum);
        }
    }
}
