package dev.kafkalab.code;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a learner's program JVM starts with: it ties the program's life to the app's, then calls
 * the program's own {@code main}. Copied into a tiny jar, so it uses the JDK alone.
 *
 * <p>The app holds the program's stdin. A line {@value #STOP} asks for a graceful stop: the JVM
 * exits and runs the program's shutdown hooks (a producer closed there flushes). When stdin
 * closes, the app is gone (it exited, crashed, or was killed): the program stops the same way,
 * and is halted if its hooks take longer than {@value #HOOKS_MS} ms.
 */
public final class ProgramMain {

    /** Written on stdin by the app: stop gracefully. */
    public static final String STOP = "kafka-lab:stop";
    /** The exit code of a program stopped from the app. */
    public static final int STOPPED = 143;
    static final int HOOKS_MS = 2_000;
    /** The exit code when {@code main} is missing or throws: what {@code java} itself gives. */
    static final int FAILED = 1;

    private ProgramMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ProgramMain MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        Thread watch = new Thread(ProgramMain::watchStdin, "kafka-lab-program-watch");
        watch.setDaemon(true);
        watch.start();
        Method main;
        try {
            main = Class.forName(args[0]).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("Error: no main method in " + args[0] + ": add public static void main(String[] args).");
            System.exit(FAILED);
            return;
        }
        if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            System.err.println("Error: main in " + args[0] + " must be static and return void.");
            System.exit(FAILED);
        }
        // java runs the main of a class that is not public (class Main { ... }, a record): so do we.
        main.setAccessible(true);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalAccessException e) {
            System.err.println("Error: main in " + args[0] + " cannot be called: " + e.getMessage());
            System.exit(FAILED);
        } catch (InvocationTargetException e) {
            // As java prints an exception that leaves main, without this launcher's frames.
            Throwable cause = e.getCause();
            StackTraceElement[] frames = cause.getStackTrace();
            int keep = frames.length;
            for (int i = 0; i < frames.length; i++) {
                String type = frames[i].getClassName();
                if (type.startsWith("jdk.internal.reflect.") || type.equals("java.lang.reflect.Method")
                        || type.equals(ProgramMain.class.getName())) {
                    keep = i;
                    break;
                }
            }
            cause.setStackTrace(Arrays.copyOf(frames, keep));
            System.err.print("Exception in thread \"main\" ");
            cause.printStackTrace();
            System.exit(FAILED);
        }
        // Returning from main leaves the JVM to end when the program's own threads end.
    }

    private static void watchStdin() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals(STOP)) {
                    break;
                }
            }
        } catch (Exception e) {
            // A broken pipe is the app gone, as end of stream is.
        }
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HOOKS_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(STOPPED);
        }, "kafka-lab-program-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(STOPPED);
    }
}
