package mcs.bench.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Limits;
import mcs.verifier.sandbox.Sandbox;
import mcs.verifier.sandbox.SandboxRequest;
import mcs.verifier.sandbox.SandboxResult;

/**
 * Sandbox overhead per run (issue 15): the same tiny external competitor (a shell script that prints the
 * verdict object and writes a small CERT_OUT) is run N times in each of three ways, side by side in one JVM,
 * in interleaved blocks so that drift of the machine's load falls on every way alike:
 * <ul>
 *   <li>{@code plain}: what the arena did before the sandbox, {@code setsid CMD INSTANCE CERT_OUT} started
 *       with a ProcessBuilder, output read, exit waited for;
 *   <li>{@code none}: {@link Sandbox#run} with {@link Isolation#NONE} (prlimit, cgroups, private directory,
 *       certificate copy, no namespaces);
 *   <li>{@code bwrap}: {@link Sandbox#run} with {@link Isolation#BWRAP}, the default for untrusted runs.
 * </ul>
 * Prints a Markdown table: mean and median ms per run, and the extra ms and the ratio of bwrap against both
 * baselines, with the load average before and after. Usage:
 * {@code java -cp bench/target/benchmarks.jar mcs.bench.sandbox.SandboxOverhead [--runs 1000] [--block 50]}.
 */
public final class SandboxOverhead {
    private SandboxOverhead() {}

    public static void main(String[] args) throws Exception {
        int runs = 1000, block = 50, warmup = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--block" -> block = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--runs N, --block B, --warmup W)");
            }
        }
        Path dir = Files.createTempDirectory("mcs-sandbox-bench");
        Path solver = Files.createDirectories(dir.resolve("solver")).resolve("tiny.sh");
        Files.writeString(solver, "#!/bin/sh\necho '{\"format\":\"mcs-certificate/1\"}' > \"$2\"\necho '{\"problem\":\"psd-completion\",\"verdict\":\"UNKNOWN\"}'\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(solver, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path inst = Files.writeString(dir.resolve("i.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 1\n");
        Path plainCert = dir.resolve("plain-cert.json");
        String load0 = Files.readString(Path.of("/proc/loadavg")).trim();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        for (String w : List.of("plain", "none", "bwrap")) ms.put(w, new ArrayList<>());
        for (int k = 0; k < warmup; k++) for (String w : ms.keySet()) once(w, solver, inst, plainCert);
        int blocks = (runs + block - 1) / block;
        long t0 = System.nanoTime();
        for (int b = 0; b < blocks; b++) {
            List<String> order = new ArrayList<>(ms.keySet());
            java.util.Collections.rotate(order, b); // each way goes first equally often
            for (String w : order) {
                for (int k = 0; k < block && ms.get(w).size() < runs; k++) ms.get(w).add(once(w, solver, inst, plainCert));
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        String load1 = Files.readString(Path.of("/proc/loadavg")).trim();
        double plain = mean(ms.get("plain")), none = mean(ms.get("none")), bwrap = mean(ms.get("bwrap"));
        System.out.printf(Locale.ROOT, "%d runs per way, blocks of %d, %d cores, limits by %s; %.1f s in all; loadavg before: %s, after: %s%n%n",
                runs, block, Runtime.getRuntime().availableProcessors(), Sandbox.limitsMechanism(), total, load0, load1);
        System.out.println("| way | mean ms/run | median ms/run |");
        System.out.println("|---|---:|---:|");
        for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", e.getKey(), mean(e.getValue()), median(e.getValue()));
        }
        System.out.printf(Locale.ROOT, "%nbwrap vs none: +%.2f ms/run, ratio %.3f; bwrap vs plain: +%.2f ms/run, ratio %.3f; none vs plain: +%.2f ms/run, ratio %.3f%n",
                bwrap - none, bwrap / none, bwrap - plain, bwrap / plain, none - plain, none / plain);
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** One run in the given way; milliseconds of wall-clock time from start to everything collected. */
    private static double once(String way, Path solver, Path inst, Path plainCert) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        if (way.equals("plain")) {
            Process p = new ProcessBuilder("setsid", solver.toString(), inst.toString(), plainCert.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0 || out.length == 0) throw new IllegalStateException("plain run failed");
            Files.readAllBytes(plainCert);
        } else {
            Isolation iso = way.equals("bwrap") ? Isolation.BWRAP : Isolation.NONE;
            SandboxResult r = Sandbox.run(new SandboxRequest(List.of(solver.toString()), inst, List.of(), Limits.of(10, 256, 1 << 20), iso, "bench"));
            if (!r.exited() || r.certificate() == null) throw new IllegalStateException(way + " run failed: " + r);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double mean(List<Double> x) {
        return x.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> x) {
        double[] a = x.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
