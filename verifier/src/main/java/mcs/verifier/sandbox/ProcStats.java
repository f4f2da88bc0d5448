package mcs.verifier.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Best-effort process measurements from Linux's {@code /proc}; every method returns -1 (or nothing)
 * instead of failing when {@code /proc} is absent or a process has gone. CPU times assume the usual
 * clock tick of 100 Hz.
 */
public final class ProcStats {
    private static final Path PROC = Path.of("/proc");
    private static final double TICK = 100.0;

    private ProcStats() {}

    /** The fields of /proc/PID/stat after the command name (index 0 is field 3, the state). */
    private static String[] statFields(long pid) {
        try {
            String s = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
            int close = s.lastIndexOf(')');
            return close < 0 ? null : s.substring(close + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** User + system CPU seconds of the process and of its waited-for children; -1 if unknown. */
    public static double cpuSeconds(long pid) {
        String[] f = statFields(pid);
        if (f == null || f.length < 15) return -1;
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        return ticks / TICK;
    }

    /** A {@code /proc/PID/status} value in kB ({@code VmHWM}, {@code VmRSS}); -1 if unknown. */
    public static long statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith(key + ":")) return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Resets the peak-RSS mark of a process (clear_refs "5", Linux ≥ 4.0), so that a reused worker reports per run. */
    public static void resetPeak(long pid) {
        try {
            Files.writeString(PROC.resolve(Long.toString(pid)).resolve("clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // best effort: without it the peak covers the worker's whole life
        }
    }

    /** Processes whose process group is {@code pgid}, zombies excluded (they hold no resources). */
    public static List<Long> members(long pgid) {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(PROC)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.isEmpty() || !Character.isDigit(n.charAt(0))) continue;
                long pid;
                try {
                    pid = Long.parseLong(n);
                } catch (NumberFormatException e) {
                    continue;
                }
                String[] f = statFields(pid);
                if (f != null && f.length > 2 && !"Z".equals(f[0]) && !"X".equals(f[0]) && Long.parseLong(f[2]) == pgid) out.add(pid);
            }
        } catch (IOException | RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Sum over the group's live processes of CPU seconds and of resident memory in MiB. */
    public static double[] groupUsage(long pgid) {
        double cpu = 0, rss = 0;
        for (long pid : members(pgid)) {
            double c = cpuSeconds(pid);
            long r = statusKb(pid, "VmRSS");
            if (c > 0) cpu += c;
            if (r > 0) rss += r / 1024.0;
        }
        return new double[] {cpu, rss};
    }
}
