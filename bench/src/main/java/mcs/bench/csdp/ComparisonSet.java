package mcs.bench.csdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Verdict;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;

/**
 * The instances of the CSDP comparison (issue 4, "side by side with the anchor"), all with seed 1:
 * <ul>
 *   <li>the signed 4-cycle of SPEC §6 ({@code near-boundary} family) for c = 3/5, 7/10, 707/1000 (YES) and
 *       708/1000, 71/100, 4/5 (NO): t* = 1 − √2·|c| exactly (the zero-chord completion I + cT has
 *       λmin = 1 − √2|c|, and the dual point W = (I + S/√2)/4 attains the same value);
 *   <li>{@code random-sparse} with degree 6 (≈ 3n off-diagonal entries) at n = 200, 400, 800: answers
 *       yes and no with margin 1/10, yes with margin 1/1000 (t* ≥ 1/1000), and the yes data with its
 *       diagonal lowered to GGᵀ − I/1000 ({@link #SHIFT}; t* = t*(GGᵀ|Ω) − 1/1000, answer not known in
 *       closed form);
 *   <li>dense-ish patterns with round(n²/10) off-diagonal entries ({@link DenseishInstances}) at
 *       n = 100, 200, the same four kinds;
 *   <li>the {@code dense} family (every pair specified) at n = 100, yes and no.
 * </ul>
 * {@link #quick()} is a small subset with the same kinds for smoke tests.
 */
final class ComparisonSet {
    private ComparisonSet() {}

    static final String[] CYCLE_C = {"3/5", "7/10", "707/1000", "708/1000", "71/100", "4/5"};

    static List<ComparisonInstance> standard() {
        List<ComparisonInstance> out = new ArrayList<>(cycles());
        for (int n : new int[] {200, 400, 800}) out.addAll(sparse(n));
        for (int n : new int[] {100, 200}) out.addAll(denseish(n));
        out.addAll(dense(100));
        return unitDiagonal(out);
    }

    static List<ComparisonInstance> quick() {
        List<ComparisonInstance> out = new ArrayList<>(cycles());
        out.addAll(sparse(30));
        out.addAll(denseish(20));
        out.addAll(dense(8));
        return unitDiagonal(out);
    }

    /** Small instances of the same kinds (none of them in {@link #standard()}) for {@code --warmup}. */
    static List<ComparisonInstance> warmup() {
        List<ComparisonInstance> out = new ArrayList<>(sparse(120));
        out.addAll(denseish(60));
        return unitDiagonal(out);
    }

    /**
     * Every instance with a positive diagonal rescaled to unit diagonal, a_ij/√(a_ii·a_jj) rounded to 15
     * significant digits (the diagonal exactly 1). Both solvers then see the same SDP as our ipm solves
     * internally, so the two t* values are comparable (t* is not invariant under rescaling, the answer is).
     * The rounding moves the data by about 1e-15, far below every planted margin (≥ 1/1000).
     */
    static List<ComparisonInstance> unitDiagonal(List<ComparisonInstance> in) {
        List<ComparisonInstance> out = new ArrayList<>();
        for (ComparisonInstance c : in) {
            PartialSymmetricMatrix a = c.instance().matrix();
            double[] d = new double[a.n()];
            boolean unit = true, positive = true;
            for (int i = 0; i < a.n(); i++) {
                Rational v = a.value(a.pattern().diagonalEntry(i));
                unit &= v.equals(Rational.ONE);
                positive &= v.signum() > 0;
                d[i] = Math.sqrt(v.toDouble());
            }
            if (unit || !positive) {
                out.add(c);
                continue;
            }
            Rational[] v = new Rational[a.m()];
            var p = a.pattern();
            for (int k = 0; k < a.m(); k++) {
                int i = p.row(k), j = p.col(k);
                v[k] = i == j ? Rational.ONE
                        : Rational.parse(new java.math.BigDecimal(a.value(k).toDouble() / (d[i] * d[j])).round(new java.math.MathContext(15)).toPlainString());
            }
            out.add(new ComparisonInstance(c.name(), c.origin() + ", scaled to unit diagonal (15 digits)", new Mc1Instance(PartialSymmetricMatrix.of(p, v)), c.expected(), c.knownTStar()));
        }
        return out;
    }

    static List<ComparisonInstance> cycles() {
        List<ComparisonInstance> out = new ArrayList<>();
        for (String c : CYCLE_C) {
            Generated g = generate("near-boundary", 4, Map.of("c", c));
            double cd = Rational.parse(c).toDouble();
            out.add(new ComparisonInstance("cycle4-c" + c.replace('/', '_'), "near-boundary c=" + c,
                    (Mc1Instance) g.instance(), g.known().verdict(), 1 - Math.sqrt(2) * Math.abs(cd)));
        }
        return out;
    }

    static List<ComparisonInstance> sparse(int n) {
        List<ComparisonInstance> out = new ArrayList<>();
        Generated yes = sparseFamily(n, "yes", "1/10");
        Generated no = sparseFamily(n, "no", "1/10");
        Generated near = sparseFamily(n, "yes", "1/1000");
        String origin = "random-sparse degree=6 ";
        out.add(new ComparisonInstance("sparse-n" + n + "-yes", origin + "answer=yes margin=1/10",
                (Mc1Instance) yes.instance(), yes.known().verdict(), Double.NaN));
        out.add(new ComparisonInstance("sparse-n" + n + "-no", origin + "answer=no margin=1/10",
                (Mc1Instance) no.instance(), no.known().verdict(), Double.NaN));
        out.add(new ComparisonInstance("sparse-n" + n + "-yes-near", origin + "answer=yes margin=1/1000",
                (Mc1Instance) near.instance(), near.known().verdict(), Double.NaN));
        out.add(new ComparisonInstance("sparse-n" + n + "-shift-near", origin + "answer=yes margin=1/10, diagonal − 101/1000 (= GGᵀ − I/1000 on Ω)",
                shiftDiagonal((Mc1Instance) yes.instance(), SHIFT), Verdict.UNKNOWN, Double.NaN));
        return out;
    }

    static List<ComparisonInstance> denseish(int n) {
        List<ComparisonInstance> out = new ArrayList<>();
        String origin = "n²/10 pattern (harness) ";
        Mc1Instance yes = DenseishInstances.generate(n, true, Rational.parse("1/10"), 1).instance();
        out.add(new ComparisonInstance("denseish-n" + n + "-yes", origin + "answer=yes margin=1/10", yes, Verdict.COMPLETABLE, Double.NaN));
        out.add(new ComparisonInstance("denseish-n" + n + "-no", origin + "answer=no margin=1/10",
                DenseishInstances.generate(n, false, Rational.parse("1/10"), 1).instance(), Verdict.NOT_COMPLETABLE, Double.NaN));
        out.add(new ComparisonInstance("denseish-n" + n + "-yes-near", origin + "answer=yes margin=1/1000",
                DenseishInstances.generate(n, true, Rational.parse("1/1000"), 1).instance(), Verdict.COMPLETABLE, Double.NaN));
        out.add(new ComparisonInstance("denseish-n" + n + "-shift-near", origin + "answer=yes margin=1/10, diagonal − 101/1000",
                shiftDiagonal(yes, SHIFT), Verdict.UNKNOWN, Double.NaN));
        return out;
    }

    /**
     * The diagonal shift of the {@code shift-near} instances: GGᵀ + I/10 on Ω becomes GGᵀ − I/1000, whose
     * t* is t*(GGᵀ|Ω) − 1/1000. t*(GGᵀ|Ω) ≥ 0 is not known in closed form (it is 0 when the rank-3
     * completion is the only one), so the expected answer is UNKNOWN: these rows test the accuracy of t*
     * right next to the boundary, and our certificate decides the answer.
     */
    static final Rational SHIFT = Rational.parse("-101/1000");

    /** The same pattern and values with delta added to every diagonal entry (exact). */
    static Mc1Instance shiftDiagonal(Mc1Instance inst, Rational delta) {
        PartialSymmetricMatrix a = inst.matrix();
        Rational[] v = new Rational[a.m()];
        for (int k = 0; k < v.length; k++) v[k] = a.value(k);
        for (int i = 0; i < a.n(); i++) v[a.pattern().diagonalEntry(i)] = v[a.pattern().diagonalEntry(i)].add(delta);
        return new Mc1Instance(PartialSymmetricMatrix.of(a.pattern(), v));
    }

    private static Generated sparseFamily(int n, String answer, String margin) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("degree", "6");
        p.put("answer", answer);
        p.put("margin", margin);
        return generate("random-sparse", n, p);
    }

    static List<ComparisonInstance> dense(int n) {
        List<ComparisonInstance> out = new ArrayList<>();
        for (String answer : new String[] {"yes", "no"}) {
            Generated g = generate("dense", n, Map.of("answer", answer));
            out.add(new ComparisonInstance("dense-n" + n + "-" + answer, "dense answer=" + answer + " margin=1/10",
                    (Mc1Instance) g.instance(), g.known().verdict(), Double.NaN));
        }
        return out;
    }

    private static Generated generate(String family, int n, Map<String, String> params) {
        Family f = Families.byName(family).orElseThrow(() -> new IllegalStateException("family '" + family + "' is not registered"));
        return f.generate(n, 1L, params);
    }
}
