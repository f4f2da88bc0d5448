package mcs.verifier.search.property;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.spi.Oracle;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;

/**
 * {@code conjecture:local-psd-implies-completable}: "if every fully specified principal block (every
 * maximal clique block of G(Ω)) is PSD, the partial matrix is completable". True on chordal patterns
 * (Grone–Johnson–Sá–Wolkowicz), false off them; a counterexample carries the reference's kernel-verified
 * NO witness.
 *
 * <p>Score for targeted search: −1 − Σ(negative parts of the blocks' smallest eigenvalues) while some block
 * is not PSD, 0 on completable instances with PSD blocks (a failure has no score: it is found).
 */
public final class LocalPsdConjecture implements Property {
    public static final String NAME = "conjecture:local-psd-implies-completable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Problem problem() {
        return Problem.PSD_COMPLETION;
    }

    @Override
    public String description() {
        return "every maximal clique block of G(Omega) is PSD => the partial matrix has a PSD completion";
    }

    @Override
    public PropertyResult check(Instance instance, Oracle oracle) {
        PartialSymmetricMatrix a = ((Mc1Instance) instance).matrix();
        List<String> labels = Labels.of(instance);
        List<int[]> cliques = Cliques.maximal(a.pattern());
        double deficit = 0;
        boolean premise = true;
        for (int[] c : cliques) {
            if (!Cliques.psd(a, c)) {
                premise = false;
                deficit += Math.max(0, -Cliques.minEigenvalue(a, c));
            }
        }
        if (!premise) {
            List<String> l = new java.util.ArrayList<>(labels);
            l.add("premise-false");
            return PropertyResult.pass(-1 - deficit, l);
        }
        Oracle.Reference ref = oracle.reference(instance, null);
        labels = Labels.with(labels, ref.verdict());
        if (!ref.known()) return PropertyResult.discard(ref.solver(), labels);
        if (ref.verdict() == Verdict.COMPLETABLE) return PropertyResult.pass(0, labels);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("clique_blocks", "all " + cliques.size() + " PSD (exact)");
        v.put("reference", ref.verdict().name());
        v.put("reference_solver", ref.solver());
        return new PropertyResult(PropertyResult.Outcome.FAIL,
                "every maximal clique block is PSD but the instance is NOT_COMPLETABLE (witness from " + ref.solver() + ", accepted by the kernel)",
                Double.POSITIVE_INFINITY, labels, v, ref.certificate());
    }
}
