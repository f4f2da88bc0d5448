package mcs.bench.csdp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One CSDP run on a margin SDP written by {@link mcs.problems.io.SdpaWriter}, as read from its console
 * output and solution file.
 *
 * @param exitCode CSDP's exit code (0 solved, 1 primal infeasible, 2 dual infeasible, 3 partial
 *     success, 4 iteration limit, 5–9 numerical trouble), or −1 when killed at the time limit or not run
 * @param status a short word: {@code solved}, {@code partial}, {@code failed:<code>}, {@code timeout},
 *     {@code absent}
 * @param iterations the last {@code Iter:} number printed
 * @param primalObjective CSDP's {@code Primal objective value} (max −s), NaN if absent
 * @param dualObjective CSDP's {@code Dual objective value}, NaN if absent
 * @param sPrimal s of the primal solution X (block 2), read from the solution file at full precision;
 *     NaN if absent
 * @param wallSeconds wall-clock time of the process (reading the file included)
 * @param cpuSeconds user + system CPU time of the process from {@code /usr/bin/time}, NaN when
 *     unavailable; on a loaded machine it is the fairer measure of work than wall time
 * @param peakRssMb peak resident memory from {@code /usr/bin/time}, or −1 when unavailable
 */
public record CsdpRun(int exitCode, String status, int iterations, double primalObjective, double dualObjective,
        double sPrimal, double wallSeconds, double cpuSeconds, long peakRssMb) {

    static CsdpRun absent(String why) {
        return new CsdpRun(-1, "absent", 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1);
    }

    /**
     * The optimal value p* of {@code max −s}: −s of the primal solution when the solution file gave it
     * (17 digits, primal feasible to CSDP's tolerance), else the mean of the printed objective values
     * (8 digits).
     */
    public double objective() {
        if (!Double.isNaN(sPrimal)) return -sPrimal;
        if (Double.isNaN(primalObjective) || Double.isNaN(dualObjective)) return Double.NaN;
        return 0.5 * (primalObjective + dualObjective);
    }

    /** Parses CSDP's console output; {@code sol} may be null or missing (then sPrimal is NaN). */
    static CsdpRun parse(List<String> console, Path sol, int exitCode, boolean timedOut, double wallSeconds,
            double cpuSeconds, long peakRssMb)
            throws IOException {
        int iter = 0;
        double p = Double.NaN, d = Double.NaN;
        for (String line : console) {
            String t = line.trim();
            if (t.startsWith("Iter:")) {
                String[] f = t.split("\\s+");
                iter = Integer.parseInt(f[1]);
            } else if (t.startsWith("Primal objective value:")) {
                p = Double.parseDouble(t.substring("Primal objective value:".length()).trim());
            } else if (t.startsWith("Dual objective value:")) {
                d = Double.parseDouble(t.substring("Dual objective value:".length()).trim());
            }
        }
        double s = Double.NaN;
        if (!timedOut && sol != null && Files.exists(sol) && (exitCode == 0 || exitCode == 3)) s = sFromSolution(sol);
        String status = timedOut ? "timeout" : exitCode == 0 ? "solved" : exitCode == 3 ? "partial" : "failed:" + exitCode;
        return new CsdpRun(timedOut ? -1 : exitCode, status, iter, p, d, s, wallSeconds, cpuSeconds, peakRssMb);
    }

    /**
     * Reads s from CSDP's solution file: line 1 is y, then {@code matno block i j value} lines where
     * matno 1 is Z and matno 2 is X; s is X's block 2 entry (1, 1). NaN if the entry is absent.
     */
    static double sFromSolution(Path sol) throws IOException {
        List<String> lines = Files.readAllLines(sol);
        for (int l = 1; l < lines.size(); l++) {
            String[] f = lines.get(l).trim().split("\\s+");
            if (f.length == 5 && f[0].equals("2") && f[1].equals("2") && f[2].equals("1") && f[3].equals("1")) {
                return Double.parseDouble(f[4]);
            }
        }
        return Double.NaN;
    }
}
