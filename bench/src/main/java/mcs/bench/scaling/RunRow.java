package mcs.bench.scaling;

import java.util.Map;

/**
 * One solve of one generated instance, as written to {@code results.json}.
 *
 * @param series the series label
 * @param n order; @param m |Ω| counted once per pair (SPEC terms); @param seed family and solver seed
 * @param status the solver's status name, {@code TIMEOUT} (no return within the limit plus grace),
 *     {@code ERROR} (an exception; see {@code note}), or {@code ABSENT} (no such solver on the class path)
 * @param verdict the verdict's name
 * @param solveSeconds wall-clock seconds of {@code solve} alone (NaN when it did not return)
 * @param cpuSeconds CPU seconds of the thread that ran {@code solve} (the solver's own helper threads are
 *     not included; NaN when unavailable)
 * @param verifySeconds wall-clock seconds of the kernel check (NaN without a certificate)
 * @param verification {@code ACCEPTED}, {@code REJECTED: …}, {@code UNVERIFIED: …}, {@code TIMEOUT} or {@code none}
 * @param statistics the solver's statistics
 * @param note the solver's message or the error
 */
record RunRow(String series, int n, long m, long seed, String status, String verdict, double solveSeconds, double cpuSeconds,
        double verifySeconds, String verification, Map<String, Object> statistics, String note) {

    boolean verified() {
        return "ACCEPTED".equals(verification);
    }

    double nm() {
        return (double) n * m;
    }
}
