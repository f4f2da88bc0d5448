package mcs.bench.csdp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds, installs and runs CSDP ({@code csdp problem.dat-s solution}) as an external process.
 *
 * <p>Installation: when {@code csdp} is not on PATH and the JVM runs as root, {@link #ensureInstalled}
 * runs {@code apt-get update} then {@code apt-get install -y coinor-csdp} (Debian/Ubuntu); otherwise it
 * explains what to do and reports CSDP as absent. Runs: the process gets {@code OMP_NUM_THREADS} set to
 * the requested thread count, and so do {@code OPENBLAS_NUM_THREADS} (the Debian build links the
 * system BLAS/LAPACK, which is OpenBLAS when {@code libopenblas0-pthread} is installed and the slow
 * reference BLAS otherwise: see {@link #blas()}), its console output is
 * captured to {@code <file>.log}, and it is killed (process tree) at the time limit. CPU time and peak
 * memory come from {@code /usr/bin/time -f} when that program exists.
 */
public final class CsdpRunner {
    private final Path executable;
    private final int threads;

    private CsdpRunner(Path executable, int threads) {
        this.executable = executable;
        this.threads = threads;
    }

    /** The runner for the {@code csdp} on PATH, if any. */
    public static Optional<CsdpRunner> onPath(int threads) {
        return PeerProcess.which("csdp").map(p -> new CsdpRunner(p, threads));
    }

    /**
     * The runner, installing CSDP with apt-get first when it is missing and we are root.
     *
     * @param log where progress and the explanation go when CSDP cannot be had
     */
    public static Optional<CsdpRunner> ensureInstalled(int threads, boolean mayInstall, java.io.PrintStream log)
            throws IOException, InterruptedException {
        // OpenBLAS: with the reference BLAS CSDP is several times slower, which would flatter us
        return PeerProcess.ensure("csdp", List.of("coinor-csdp", "libopenblas0-pthread"), mayInstall, log).map(p -> new CsdpRunner(p, threads));
    }

    public Path executable() {
        return executable;
    }

    /** The first line CSDP prints, e.g. {@code CSDP 6.2.0}. */
    public String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().findFirst().orElse("csdp").trim();
    }

    /**
     * Runs CSDP on {@code problem}, writing the solution next to it ({@code .sol}) and the console
     * output to {@code .log}.
     *
     * @param timeLimitSeconds wall-clock limit; the process tree is killed when it passes
     */
    public CsdpRun run(Path problem, double timeLimitSeconds) throws IOException, InterruptedException {
        Path sol = sibling(problem, ".sol").toAbsolutePath();
        Path log = sibling(problem, ".log").toAbsolutePath();
        Files.deleteIfExists(sol);
        PeerProcess r = PeerProcess.run(List.of(executable.toString(), problem.toAbsolutePath().toString(), sol.toString()), log, threads, timeLimitSeconds);
        return CsdpRun.parse(r.console(), sol, r.exitCode(), !r.finished(), r.wallSeconds(), r.cpuSeconds(), r.peakRssMb());
    }

    /** The shared library behind {@code libblas.so.3} (resolved symbolic links), or "unknown". */
    public static String blas() {
        for (String dir : List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
            Path p = Path.of(dir, "libblas.so.3");
            try {
                if (Files.exists(p)) return p.toRealPath().toString();
            } catch (IOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }
        return "unknown";
    }

    static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".dat-s") ? name.substring(0, name.length() - ".dat-s".length()) : name;
        return file.resolveSibling(base + suffix);
    }
}
