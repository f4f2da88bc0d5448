package mcs.bench.csdp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the results table.
 *
 * @param tau the shift τ = min a_ii of the written SDP (t* = τ + objective)
 * @param csdpTStar τ + CSDP's objective, NaN when CSDP did not solve
 * @param dsdp the second peer's run (DSDP, in CSDP's conventions)
 * @param dsdpTStar τ + DSDP's objective, NaN when DSDP did not solve
 */
record ComparisonRow(ComparisonInstance instance, int n, int m, double tau, CsdpRun csdp, double csdpTStar, CsdpRun dsdp,
        double dsdpTStar, OurRun ours) {

    /** our time / CSDP time (solve only on our side), NaN when either is missing. */
    double ratio() {
        return ratio(csdp);
    }

    /** our time / DSDP time, NaN when either is missing. */
    double ratioDsdp() {
        return ratio(dsdp);
    }

    /** our time / the faster peer's time (among those that solved), NaN when none did. */
    double ratioBest() {
        double best = bestPeerSeconds();
        return Double.isNaN(best) || Double.isNaN(ours.solveSeconds()) ? Double.NaN : ours.solveSeconds() / best;
    }

    /** min(CSDP, DSDP) wall seconds over the peers that solved, NaN when none did. */
    double bestPeerSeconds() {
        double best = Double.NaN;
        for (CsdpRun peer : new CsdpRun[] {csdp, dsdp}) {
            if (peer.status().equals("solved") && Double.isFinite(peer.wallSeconds())) best = Double.isNaN(best) ? peer.wallSeconds() : Math.min(best, peer.wallSeconds());
        }
        return best;
    }

    private double ratio(CsdpRun peer) {
        if (Double.isNaN(ours.solveSeconds()) || Double.isNaN(peer.wallSeconds()) || !peer.status().equals("solved")) return Double.NaN;
        return ours.solveSeconds() / peer.wallSeconds();
    }

    /** our CPU time / CSDP's CPU time, NaN when either is missing. */
    double cpuRatio() {
        if (Double.isNaN(ours.cpuSeconds()) || Double.isNaN(csdp.cpuSeconds()) || !csdp.status().equals("solved")) return Double.NaN;
        return ours.cpuSeconds() / csdp.cpuSeconds();
    }

    /** |our t* − CSDP's t*|, NaN when either is missing. */
    double deltaTStar() {
        return Math.abs(ours.tStar() - csdpTStar);
    }

    /** Agreement tolerance of the two t* values (the goal). */
    static final double T_STAR_TOLERANCE = 1e-6;

    /**
     * Whether |our t* − CSDP's t*| ≤ {@value #T_STAR_TOLERANCE}: "yes", "NO", or "n/a" when either is missing or
     * the diagonal is not all ones (our t* is that of the unit-diagonal rescaling, CSDP's of the data as given).
     */
    String tStarAgrees() {
        double d = deltaTStar();
        if (Double.isNaN(d) || !unitDiagonal()) return "n/a";
        return d <= T_STAR_TOLERANCE ? "yes" : "NO";
    }

    private boolean unitDiagonal() {
        mcs.problems.matrix.PartialSymmetricMatrix a = instance.instance().matrix();
        for (int i = 0; i < a.n(); i++) if (!a.diagonal(i).equals(mcs.problems.exact.Rational.ONE)) return false;
        return true;
    }

    /** The verdict CSDP's t* suggests (CSDP has no certificate): its sign, or "?" when unsolved. */
    String csdpSign() {
        if (Double.isNaN(csdpTStar)) return "?";
        return csdpTStar > 0 ? "+" : csdpTStar < 0 ? "-" : "0";
    }

    /**
     * Whether our verdict agrees with the sign of CSDP's t* (scale-invariant, unlike t* itself): "yes",
     * "NO", or "n/a" when either side has no answer or CSDP's |t*| is below 1e-7 (its accuracy).
     */
    String verdictAgrees() {
        if (Double.isNaN(csdpTStar) || Math.abs(csdpTStar) < 1e-7) return "n/a";
        if (ours.verdict().equals("COMPLETABLE")) return csdpTStar > 0 ? "yes" : "NO";
        if (ours.verdict().equals("NOT_COMPLETABLE")) return csdpTStar < 0 ? "yes" : "NO";
        return "n/a";
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", instance.name());
        m.put("origin", instance.origin());
        m.put("n", n);
        m.put("m", this.m);
        m.put("expected", instance.expected().name());
        m.put("known_t_star", num(instance.knownTStar()));
        m.put("tau", tau);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("status", csdp.status());
        c.put("exit_code", csdp.exitCode());
        c.put("iterations", csdp.iterations());
        c.put("wall_s", num(csdp.wallSeconds()));
        c.put("cpu_s", num(csdp.cpuSeconds()));
        c.put("peak_rss_mb", csdp.peakRssMb());
        c.put("primal_objective", num(csdp.primalObjective()));
        c.put("dual_objective", num(csdp.dualObjective()));
        c.put("t_star", num(csdpTStar));
        m.put("csdp", c);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", dsdp.status());
        d.put("exit_code", dsdp.exitCode());
        d.put("iterations", dsdp.iterations());
        d.put("wall_s", num(dsdp.wallSeconds()));
        d.put("cpu_s", num(dsdp.cpuSeconds()));
        d.put("peak_rss_mb", dsdp.peakRssMb());
        d.put("primal_objective", num(dsdp.primalObjective()));
        d.put("dual_objective", num(dsdp.dualObjective()));
        d.put("t_star", num(dsdpTStar));
        m.put("dsdp", d);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", ours.status());
        o.put("verdict", ours.verdict());
        o.put("iterations", ours.iterations());
        o.put("solve_s", num(ours.solveSeconds()));
        o.put("cpu_s", num(ours.cpuSeconds()));
        o.put("verify_s", num(ours.verifySeconds()));
        o.put("t_star", num(ours.tStar()));
        o.put("certificate", ours.verification());
        m.put("ours", o);
        m.put("ratio_ours_over_csdp", num(ratio()));
        m.put("ratio_ours_over_dsdp", num(ratioDsdp()));
        m.put("ratio_ours_over_best_peer", num(ratioBest()));
        m.put("cpu_ratio_ours_over_csdp", num(cpuRatio()));
        m.put("abs_delta_t_star", num(deltaTStar()));
        m.put("t_star_agrees_1e-6", tStarAgrees());
        m.put("verdict_agrees_with_csdp_sign", verdictAgrees());
        return m;
    }

    /** JSON has no NaN: missing numbers are null. */
    private static Object num(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
