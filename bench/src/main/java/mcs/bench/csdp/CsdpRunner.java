package mcs.bench.csdp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
    private static final String TIME_MARK = "mcs-time-user-sys-rss ";
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // a harness stopped by a signal must not leave a long CSDP run behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        })));
    }

    private final Path executable;
    private final int threads;

    private CsdpRunner(Path executable, int threads) {
        this.executable = executable;
        this.threads = threads;
    }

    /** The runner for the {@code csdp} on PATH, if any. */
    public static Optional<CsdpRunner> onPath(int threads) {
        return which("csdp").map(p -> new CsdpRunner(p, threads));
    }

    /**
     * The runner, installing CSDP with apt-get first when it is missing and we are root.
     *
     * @param log where progress and the explanation go when CSDP cannot be had
     */
    public static Optional<CsdpRunner> ensureInstalled(int threads, boolean mayInstall, java.io.PrintStream log)
            throws IOException, InterruptedException {
        Optional<CsdpRunner> r = onPath(threads);
        if (r.isPresent()) return r;
        if (!mayInstall) {
            log.println("csdp is not on PATH and installation was disabled (--no-install): the CSDP column will be n/a");
            return Optional.empty();
        }
        if (!isRoot()) {
            log.println("csdp is not on PATH and this process is not root: install it with "
                    + "'sudo apt-get update && sudo apt-get install -y coinor-csdp' (Debian/Ubuntu), "
                    + "or build it from https://github.com/coin-or/Csdp; the CSDP column will be n/a");
            return Optional.empty();
        }
        log.println("csdp is not on PATH: running apt-get update && apt-get install -y coinor-csdp libopenblas0-pthread");
        // OpenBLAS: with the reference BLAS CSDP is several times slower, which would flatter us
        for (List<String> cmd : List.of(List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "coinor-csdp", "libopenblas0-pthread"))) {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                log.println("'" + String.join(" ", cmd) + "' failed with exit code " + rc + ": the CSDP column will be n/a");
                return Optional.empty();
            }
        }
        r = onPath(threads);
        if (r.isEmpty()) log.println("coinor-csdp was installed but no csdp is on PATH: the CSDP column will be n/a");
        return r;
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
        Path sol = sibling(problem, ".sol");
        Path log = sibling(problem, ".log");
        Files.deleteIfExists(sol);
        List<String> cmd = new ArrayList<>();
        Optional<Path> time = Files.isExecutable(Path.of("/usr/bin/time")) ? Optional.of(Path.of("/usr/bin/time")) : Optional.empty();
        time.ifPresent(t -> cmd.addAll(List.of(t.toString(), "-f", TIME_MARK + "%U %S %M")));
        cmd.addAll(List.of(executable.toString(), problem.toString(), sol.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        long t0 = System.nanoTime();
        Process p = pb.start();
        LIVE.add(p);
        boolean finished = p.waitFor((long) (timeLimitSeconds * 1000), TimeUnit.MILLISECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        LIVE.remove(p);
        List<String> console = Files.readAllLines(log);
        long rssMb = -1;
        double cpu = Double.NaN;
        for (String line : console) {
            if (line.startsWith(TIME_MARK)) {
                String[] f = line.substring(TIME_MARK.length()).trim().split("\\s+");
                cpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
                rssMb = Long.parseLong(f[2]) / 1024;
            }
        }
        return CsdpRun.parse(console, sol, finished ? p.exitValue() : -1, !finished, wall, cpu, rssMb);
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

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".dat-s") ? name.substring(0, name.length() - ".dat-s".length()) : name;
        return file.resolveSibling(base + suffix);
    }

    private static Optional<Path> which(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return false;
        }
    }
}
