package mcs.bench.csdp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds, installs (Debian {@code dsdp}) and runs DSDP 5 ({@code dsdp5 problem.dat-s -save solution -print 1}) as the
 * second peer, on the same SDPA files as CSDP, with its default settings (relative gap 10⁻⁶). Its results use
 * CSDP's conventions ({@link CsdpRun}): DSDP prints the objective of {@code min bᵀy}, the negative of the SDPA
 * primal objective CSDP prints, so both printed values are negated; its solution file has CSDP's layout, so s is
 * read the same way. Status {@code solved} when it prints "DSDP Converged", {@code partial} for another normal end
 * (e.g. "DSDP Terminated: small relative gap and small steps"), {@code failed:<code>} on a nonzero exit.
 */
public final class DsdpRunner {
    private final Path executable;
    private final int threads;

    private DsdpRunner(Path executable, int threads) {
        this.executable = executable;
        this.threads = threads;
    }

    public static Optional<DsdpRunner> onPath(int threads) {
        return PeerProcess.which("dsdp5").map(p -> new DsdpRunner(p, threads));
    }

    public static Optional<DsdpRunner> ensureInstalled(int threads, boolean mayInstall, java.io.PrintStream log)
            throws IOException, InterruptedException {
        return PeerProcess.ensure("dsdp5", List.of("dsdp", "libopenblas0-pthread"), mayInstall, log).map(p -> new DsdpRunner(p, threads));
    }

    public Path executable() {
        return executable;
    }

    /** "DSDP" and the Debian package version when dpkg knows it. */
    public String version() {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", "dsdp").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor() == 0 && !out.isEmpty()) return "DSDP " + out;
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
        return "DSDP 5";
    }

    /**
     * Runs DSDP on {@code problem}; solution {@code .dsdp.sol}, console {@code .dsdp.log} next to it. DSDP runs in the
     * problem's folder with bare file names: DSDP 5.8 cuts a {@code -save} name after {@value #SAVE_NAME_MAX}
     * characters and a problem path after 79 (and then writes or reads some other file), and it appends a summary
     * line to {@code ./results-dsdp-5.8}, which so lands in the work folder, never in ours.
     */
    public CsdpRun run(Path problem, double timeLimitSeconds) throws IOException, InterruptedException {
        Path sol = CsdpRunner.sibling(problem, ".dsdp.sol").toAbsolutePath();
        Path log = CsdpRunner.sibling(problem, ".dsdp.log").toAbsolutePath();
        String solName = sol.getFileName().toString(), problemName = problem.getFileName().toString();
        if (solName.length() > SAVE_NAME_MAX) {
            throw new IllegalArgumentException("DSDP 5.8 cuts -save file names after " + SAVE_NAME_MAX + " characters: " + solName);
        }
        Files.deleteIfExists(sol);
        PeerProcess r = PeerProcess.run(List.of(executable.toString(), problemName, "-save", solName, "-print", "1"),
                log, threads, timeLimitSeconds);
        return parse(r.console(), sol, r.exitCode(), !r.finished(), r.wallSeconds(), r.cpuSeconds(), r.peakRssMb());
    }

    /** The longest {@code -save} file name DSDP 5.8 keeps whole (its buffer holds 40 characters with the NUL). */
    static final int SAVE_NAME_MAX = 39;

    /** Parses DSDP 5.8's console output and solution file (which may be null or missing). */
    static CsdpRun parse(List<String> console, Path sol, int exitCode, boolean timedOut, double wallSeconds, double cpuSeconds,
            long peakRssMb) throws IOException {
        int iter = 0;
        boolean converged = false, table = false;
        double p = Double.NaN, d = Double.NaN;
        for (String line : console) {
            String t = line.trim();
            if (t.startsWith("Iter") && t.contains("PP Objective")) {
                table = true;
            } else if (table && !t.isEmpty() && Character.isDigit(t.charAt(0))) {
                iter = Integer.parseInt(t.split("\\s+")[0]);
            } else if (t.startsWith("DSDP Converged")) {
                converged = true;
            } else if (t.startsWith("P Objective")) {
                p = -Double.parseDouble(t.substring(t.indexOf(':') + 1).trim());
            } else if (t.startsWith("DSDP Solution:")) {
                d = -Double.parseDouble(t.substring(t.indexOf(':') + 1).trim());
            }
            if (table && t.startsWith("---") && iter > 0) table = false;
        }
        double s = Double.NaN;
        if (!timedOut && exitCode == 0 && sol != null && Files.exists(sol)) s = CsdpRun.sFromSolution(sol);
        String status = timedOut ? "timeout" : exitCode != 0 ? "failed:" + exitCode : converged ? "solved" : "partial";
        return new CsdpRun(timedOut ? -1 : exitCode, status, iter, p, d, s, wallSeconds, cpuSeconds, peakRssMb);
    }
}
