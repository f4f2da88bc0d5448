package mcs.verifier.arena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mcs.verifier.sandbox.CappedCapture;
import mcs.verifier.sandbox.ProcStats;
import mcs.verifier.sandbox.ProcessGroups;

/**
 * The arena's side of one warm {@link WorkerMain} JVM, in its own process group with {@code -Xmx} set
 * to the plan's memory limit. It is reused across runs and replaced only after it was killed (time
 * limit) or died (out of memory, crash). CPU time is the worker's CPU delta over the run; peak memory
 * is its VmHWM after resetting it at the start of the run (both from /proc, best effort).
 */
final class Worker implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CappedCapture stderr;
    /** Set once the worker was killed: its process may linger as a zombie until the JDK reaps it. */
    private volatile boolean ended;

    private Worker(Process p, int capBytes) {
        this.process = p;
        this.stdin = p.getOutputStream();
        this.stderr = new CappedCapture(p.getErrorStream(), capBytes, "arena-worker-stderr-" + p.pid());
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) lines.add(l);
            } catch (IOException e) {
                // the worker died; EOF below tells the waiting run
            }
            lines.add(EOF);
        }, "arena-worker-stdout-" + p.pid());
        t.setDaemon(true);
        t.start();
    }

    /** Starts a worker, which first exercises the solvers named in {@code warmUp}, and waits (up to a minute) for its ready line. */
    static Worker start(int memoryMb, int capBytes, List<String> warmUp, Path outDir) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + memoryMb + "m");
        cmd.add("-Xss16m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Djava.awt.headless=true");
        // Names the results folder on the command line, so that tools like pgrep -f can find a competition's workers.
        cmd.add("-Dmcs.arena.out=" + outDir.toAbsolutePath());
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(WorkerMain.class.getName());
        cmd.addAll(warmUp);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Worker w = new Worker(ProcessGroups.start(pb), capBytes);
        String first;
        try {
            first = w.lines.poll(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            first = null;
        }
        if (first == null || !first.contains("ready")) {
            w.kill(0);
            throw new IOException("arena worker JVM did not start: " + ExternalRunner.tail(w.stderr.text(500)));
        }
        return w;
    }

    /** The class path of this JVM (the shaded jar, or Maven's test class path); MCS_ARENA_CLASSPATH overrides it. */
    static String classPath() {
        String env = System.getenv("MCS_ARENA_CLASSPATH");
        return env != null && !env.isBlank() ? env : System.getProperty("java.class.path");
    }

    boolean alive() {
        return !ended && process.isAlive();
    }

    /**
     * Sends one request and waits until the limit. After a timeout or a death the worker is unusable
     * ({@link #alive()} is false) and the caller starts a new one.
     */
    Attempt call(Map<String, Object> request, double limitS, double graceS) throws IOException {
        long pid = process.pid();
        double cpu0 = ProcStats.cpuSeconds(pid);
        ProcStats.resetPeak(pid);
        long t0 = System.nanoTime();
        stdin.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        String line;
        try {
            line = lines.poll((long) (limitS * 1e9), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line = null;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = cpu0 < 0 ? -1 : Math.max(0, ProcStats.cpuSeconds(pid) - cpu0);
        long hwm = ProcStats.statusKb(pid, "VmHWM");
        double rss = hwm < 0 ? -1 : hwm / 1024.0;
        if (line == null) {
            kill(graceS);
            return new Attempt("timeout", null, null, "killed at the time limit", wall, cpu, rss);
        }
        if (EOF.equals(line)) {
            kill(0);
            String err = stderr.text(1000);
            boolean oom = err.contains("OutOfMemoryError");
            return new Attempt(oom ? "memory" : "failed", null, null, "worker JVM died: " + ExternalRunner.tail(err), wall, cpu, rss);
        }
        JsonNode reply = JSON.readTree(line);
        String status = reply.path("status").asText();
        String message = reply.path("message").asText("");
        String verdict = reply.path("verdict").isNull() ? null : reply.path("verdict").asText();
        return switch (status) {
            case "MEMOUT" -> {
                kill(graceS);
                yield new Attempt("memory", null, null, message, wall, cpu, rss);
            }
            case "TIMEOUT" -> new Attempt("timeout", null, null, message, wall, cpu, rss);
            case "ERROR" -> new Attempt("failed", null, null, message, wall, cpu, rss);
            case "UNSUPPORTED" -> new Attempt("done", null, "UNKNOWN", "unsupported: " + message, wall, cpu, rss);
            default -> new Attempt("done", null, verdict == null ? "UNKNOWN" : verdict, message, wall, cpu, rss);
        };
    }

    private void kill(double graceS) {
        ended = true;
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        ProcessGroups.terminate(process.pid(), (long) (graceS * 1000));
    }

    /** Ends the worker: closing stdin lets it exit by itself; its group is then ended in any case. */
    @Override
    public void close() {
        try {
            stdin.close();
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessGroups.terminate(process.pid(), 500);
    }
}
