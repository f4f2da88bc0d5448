package mcs.verifier.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel's answer about one certificate.
 *
 * @param outcome ACCEPTED, REJECTED or UNVERIFIED
 * @param check machine-readable name of the deciding check, e.g. {@code psd}, {@code instance-hash},
 *     {@code support}, {@code inner-product}, {@code weyl-bound}, {@code value}; for ACCEPTED the
 *     check that proved it
 * @param reason one human-readable sentence, precise enough to locate the problem (which entry, which
 *     pivot, which value)
 * @param method exact, rigorous-float or tolerance
 * @param location JSON-friendly details of where a check failed, e.g. {@code {"i": 3, "j": 1}} (1-based)
 * @param bounds certified bounds as exact rational strings, e.g. {@code lambda_min_lower},
 *     {@code lambda_max_upper}, {@code eigenvalue_ratio_lower}, {@code margin}
 */
public record Judgement(
        Outcome outcome,
        String check,
        String reason,
        Method method,
        Map<String, Object> location,
        Map<String, String> bounds) {

    public Judgement {
        location = new LinkedHashMap<>(location);
        bounds = new LinkedHashMap<>(bounds);
    }

    public static Judgement accepted(String check, String reason, Method method, Map<String, String> bounds) {
        return new Judgement(Outcome.ACCEPTED, check, reason, method, Map.of(), bounds);
    }

    public static Judgement rejected(String check, String reason, Method method, Map<String, Object> location) {
        return new Judgement(Outcome.REJECTED, check, reason, method, location, Map.of());
    }

    public static Judgement rejected(String check, String reason) {
        return rejected(check, reason, Method.EXACT, Map.of());
    }

    public static Judgement unverified(String check, String reason, Method method) {
        return new Judgement(Outcome.UNVERIFIED, check, reason, method, Map.of(), Map.of());
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
