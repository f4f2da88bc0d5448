package mcs.problems.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;

/**
 * What a solver returns: how it ended, the verdict, the certificate that proves it (absent only for
 * UNKNOWN), and statistics. For permanents {@code value} is the canonical text of the value and
 * {@code exact} says whether it is exact (else the certificate carries the error bound).
 *
 * @param statistics ordered, JSON-friendly values: e.g. {@code iterations}, {@code seconds},
 *     {@code residual}, {@code seed}
 * @param message why the answer is UNKNOWN, or a note on how it was found
 */
public record SolverResult(
        String solver,
        Status status,
        Verdict verdict,
        Certificate certificate,
        String value,
        boolean exact,
        Map<String, Object> statistics,
        String message) {

    public SolverResult {
        statistics = new LinkedHashMap<>(statistics);
        if (status == Status.SOLVED && verdict == Verdict.UNKNOWN) throw new IllegalArgumentException("SOLVED needs a verdict");
        if (status != Status.SOLVED && verdict != Verdict.UNKNOWN) throw new IllegalArgumentException("only SOLVED carries a verdict");
        if (status == Status.SOLVED && certificate == null) throw new IllegalArgumentException("every verdict comes with a certificate");
    }

    public static SolverResult solved(String solver, Certificate c, Map<String, Object> stats, String message) {
        return new SolverResult(solver, Status.SOLVED, c.verdict(), c, c.value(), c.exact(), stats, message);
    }

    public static SolverResult unknown(String solver, String why, Map<String, Object> stats) {
        return new SolverResult(solver, Status.UNKNOWN, Verdict.UNKNOWN, null, null, false, stats, why);
    }

    public static SolverResult of(String solver, Status status, String why) {
        return new SolverResult(solver, status, Verdict.UNKNOWN, null, null, false, Map.of(), why);
    }
}
