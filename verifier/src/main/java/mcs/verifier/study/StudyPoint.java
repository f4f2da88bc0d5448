package mcs.verifier.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.verifier.arena.Category;

/**
 * One run of a study: the instance's coordinates (ε, n, m, seed, proven t* bounds) and the arena's judged
 * outcome (category, claimed verdict, wall time).
 *
 * @param eps the instance's ε, or null for a family without one
 * @param tStar {low, high} proven bounds on t* from the instance header, or null
 * @param known the instance's known answer, or null
 */
public record StudyPoint(int level, Rational eps, int n, long m, long seed, Category category, String verdict, double wallS, Rational[] tStar,
        String known, String instance, String runId, String reason) {

    /** The abscissa of the fit in this kind of study: 1/ε or n·m. */
    public double x(StudySpec.Kind kind) {
        return kind == StudySpec.Kind.EPSILON ? 1 / eps.toDouble() : (double) n * m;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eps", eps == null ? null : eps.toDouble());
        p.put("eps_exact", eps == null ? null : eps.toDecimalString());
        p.put("n", n);
        p.put("m", m);
        p.put("seed", seed);
        p.put("category", category.name());
        p.put("wall_s", Math.round(wallS * 1000) / 1000.0);
        p.put("verdict", verdict);
        p.put("known", known);
        p.put("t_star", tStar == null ? null : List.of(tStar[0].toDecimalString(), tStar[1].toDecimalString()));
        p.put("instance", instance);
        p.put("run_id", runId);
        p.put("reason", reason);
        return p;
    }
}
