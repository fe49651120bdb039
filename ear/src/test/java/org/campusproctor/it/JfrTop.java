package org.campusproctor.it;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a server's CPU went, from a Flight Recorder file taken under load ({@code jcmd PID JFR.start
 * filename=load.jfr settings=profile}, then {@code JFR.stop}): the Java methods most often on top of the stack
 * (self), the methods on the stack at all (total), the CampusProctor method nearest the top of the stack (what of
 * ours caused the work; a servlet filter wraps every request, so the outermost would say little), the native methods
 * the sampled threads were in (ONNX Runtime's inference runs there, as do the threads waiting in a poll) and the
 * average CPU load of the JVM and of the whole machine. {@code ear/src/test/load/jfr-top.sh load.jfr [rows]}
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: jfr-top.sh RECORDING.jfr [rows (25)]");
            System.exit(2);
        }
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> nativeTop = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        double jvm = 0;
        double machine = 0;
        int loads = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.CPULoad")) {
                jvm += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                machine += event.getFloat("machineTotal");
                loads++;
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.NativeMethodSample")) {
                nativeSamples++;
                nativeTop.merge(name(frames.get(0)) + " ← " + firstOurs(frames), 1, Integer::sum);
            } else if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    if (seen.add(name(f))) {
                        total.merge(name(f), 1, Integer::sum);
                    }
                }
                ours.merge(firstOurs(frames), 1, Integer::sum);
            }
        }
        System.out.printf("%s: %d Java execution samples, %d native method samples; CPU load (of all cores): JVM %.0f%%,"
                + " machine %.0f%% (average of %d readings)%n", args[0], samples, nativeSamples, 100 * jvm / Math.max(1, loads),
                100 * machine / Math.max(1, loads), loads);
        print("Java CPU, self (top of stack)", self, samples, rows);
        print("Java CPU, total (anywhere on the stack)", total, samples, rows);
        print("Java CPU by the CampusProctor method nearest the top of the stack", ours, samples, rows);
        print("Native methods (inference, and threads waiting in native code) by the CampusProctor method nearest the top",
                nativeTop, nativeSamples, rows);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The CampusProctor method nearest the top of the stack (frames are listed from the top). */
    private static String firstOurs(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("org.campusproctor.")) {
                return name(f);
            }
        }
        return "(no CampusProctor method: server, broker, JVM)";
    }

    private static void print(String title, Map<String, Integer> counts, int of, int rows) {
        System.out.printf("%n%s%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(e -> System.out.printf("  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, of), e.getValue(),
                        e.getKey()));
    }
}
