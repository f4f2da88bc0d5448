package mcs.solvers.haf.repeated;

import static mcs.solvers.engine.exact.Dyadic.lcm;
import static mcs.solvers.engine.exact.Dyadic.scaled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import mcs.problems.spi.BaseSolver;
import mcs.problems.spi.SolverInfo;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.solvers.engine.modular.MontPrime;
import mcs.solvers.engine.modular.WordPrimes;
import mcs.solvers.engine.repeated.ClassLayout;

/**
 * {@code hafnian-repeated} (and, as {@link Loop}, {@code loop-hafnian-repeated}): the exact hafnian or loop
 * hafnian of a real integer or rational symmetric matrix with repeated rows and columns, by Kan's formula
 * over sign classes ({@link RepeatedKan}) modulo primes of {@link WordPrimes} and CRT. Cost
 * Π(r_i + 1)/2 classes, O(1) each on the word path, instead of 2^(N−1) sign vectors of the expanded matrix.
 *
 * <p><b>Scaling.</b> Rational entries are scaled by the LCM L of all denominators: for the hafnian every
 * entry by L (each perfect matching of B has N/2 entries: the value scales by L^(N/2)); for the loop hafnian
 * the pair weights by L² and the loop weights by L (every vertex of B then carries one factor L: L^N).
 *
 * <p><b>Exactness.</b> The primes' product exceeds twice a bound on the scaled value: for the hafnian the
 * smaller of (N−1)!!·max|b|^(N/2) and the product of the N/2 largest off-diagonal absolute row sums of the
 * expanded matrix (expanding along the row with the largest sum, by induction); for the loop hafnian the
 * product over B's rows of max(1, absolute row sum with the loop). The residues of Σ_t w(t)·term(t) are
 * multiplied by the inverse of the normaliser (2^N·(N/2)! or 2^N; units modulo primes above 2^60 for
 * N &lt; 2^60), so CRT yields the scaled value itself, within the bound, hence exactly.
 *
 * <p>Domain: real input (complex repeated values are not handled here), symmetric matrix, at most
 * {@value #MAX_CLASSES} sign classes. Threads: {@link SolverOptions#threads()}; the result is exact, so the same
 * for any thread count.
 */
public class RepeatedHafnianSolver extends BaseSolver<RepeatedInstance> {
    /** Most sign classes walked (about a day of work on the word path). */
    public static final long MAX_CLASSES = 1L << 42;

    private final boolean loop;

    public RepeatedHafnianSolver() {
        this(false);
    }

    RepeatedHafnianSolver(boolean loop) {
        super(RepeatedInstance.class, new SolverInfo(loop ? "loop-hafnian-repeated" : "hafnian-repeated",
                loop ? Problem.LOOP_HAFNIAN : Problem.HAFNIAN, SolverKind.EXACT, 15,
                "exact " + (loop ? "loop hafnian" : "hafnian") + " of a real integer or rational symmetric matrix with repeated rows and columns "
                        + "(Kan's formula over sign classes modulo 61-bit primes, CRT with a proven bound); prod(r_i+1)/2 classes of O(1) "
                        + "word operations when the scaled entries are moderate (else O(n) per class and prime); at most 2^42 classes"));
        this.loop = loop;
    }

    /** {@code loop-hafnian-repeated}. */
    public static final class Loop extends RepeatedHafnianSolver {
        public Loop() {
            super(true);
        }
    }

    @Override
    protected String refusal(RepeatedInstance inst) {
        if (inst.isComplex()) return name() + " takes real matrices; complex input is not supported";
        if (!inst.matrix().re().isSymmetric()) return name() + " needs a symmetric matrix";
        long classes = ClassLayout.of(inst.rowRepeats()).walked();
        if (classes > MAX_CLASSES) return name() + " would walk " + classes + " sign classes, more than 2^42";
        return null;
    }

    @Override
    protected SolverResult run(RepeatedInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        int total = inst.total();
        int[] rep = inst.rowRepeats();
        ClassLayout layout = ClassLayout.of(rep);
        RationalMatrix a = inst.matrix().re();
        BigInteger l = BigInteger.ONE;
        for (int i = 0; i < a.rows(); i++) for (int j = 0; j < a.cols(); j++) l = lcm(l, a.get(i, j).denominator());
        int d = layout.digits();
        BigInteger[][] s = new BigInteger[d][d];
        BigInteger[] mu = new BigInteger[d];
        BigInteger pairScale = loop ? l.multiply(l) : l;
        for (int x = 0; x < d; x++) {
            int i = layout.modes()[x];
            for (int z = 0; z < d; z++) s[x][z] = scaled(a.get(i, layout.modes()[z]), pairScale);
            mu[x] = loop ? scaled(a.get(i, i), l) : BigInteger.ZERO;
        }
        BigInteger divisor = loop ? l.pow(total) : l.pow(total / 2);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", inst.n());
        stats.put("total", total);
        stats.put("classes", layout.walked());
        String value;
        if (total == 0) {
            value = Rational.ONE.toString();
            stats.put("path", "empty");
        } else {
            BigInteger bound = loop ? loopBound(s, mu, layout.r()) : hafnianBound(s, layout.r(), total);
            MontPrime[] primes = MontPrime.enoughFor(bound);
            stats.put("primes", primes.length);
            long[] sums;
            if (RepeatedKan.wordsFit(s, loop ? mu : null, layout.r(), total)) {
                long qMax = RepeatedKan.qBound(s, layout.r()).longValueExact();
                long q1Max = RepeatedKan.q1Bound(mu, layout.r()).longValueExact();
                long[][] ls = new long[d][d];
                long[] lm = new long[d];
                for (int x = 0; x < d; x++) {
                    for (int z = 0; z < d; z++) ls[x][z] = s[x][z].longValueExact();
                    lm[x] = mu[x].longValueExact();
                }
                RepeatedKan.Data data = new RepeatedKan.Data(ls, lm, layout, loop, total);
                long range = (2 * qMax + 1) * (loop ? 2 * q1Max + 1 : 1);
                stats.put("path", range <= RepeatedKan.HISTOGRAM_MAX ? "words+histogram" : "words");
                sums = RepeatedKan.sumWords(data, qMax, q1Max, primes, options);
            } else {
                stats.put("path", "modular");
                sums = RepeatedKan.sumModular(s, mu, layout, loop, total, primes, options);
            }
            BigInteger norm = BigInteger.ONE.shiftLeft(total);
            if (!loop) for (int k = 2; k <= total / 2; k++) norm = norm.multiply(BigInteger.valueOf(k));
            long[] ps = new long[primes.length];
            BigInteger[] residues = new BigInteger[primes.length];
            for (int k = 0; k < primes.length; k++) {
                ps[k] = primes[k].p();
                residues[k] = primes[k].value(primes[k].mul(sums[k], primes[k].inverse(norm)));
            }
            value = Rational.of(WordPrimes.crt(ps, residues), divisor).toString();
        }
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        Certificate c = Certificate.exactValue(problem(), sha, value);
        return SolverResult.solved(name(), c, stats, "Kan's formula over sign classes modulo word primes, CRT");
    }

    /** min((N−1)!!·max^(N/2), product of the N/2 largest off-diagonal absolute row sums of the expanded matrix). */
    static BigInteger hafnianBound(BigInteger[][] s, int[] r, int total) {
        List<BigInteger> sums = new ArrayList<>();
        BigInteger max = BigInteger.ZERO;
        for (int i = 0; i < s.length; i++) {
            BigInteger row = BigInteger.ZERO;
            for (int j = 0; j < s.length; j++) {
                int copies = i == j ? r[i] - 1 : r[j];
                if (copies == 0) continue;
                row = row.add(s[i][j].abs().multiply(BigInteger.valueOf(copies)));
                max = max.max(s[i][j].abs());
            }
            for (int c = 0; c < r[i]; c++) sums.add(row);
        }
        sums.sort(Collections.reverseOrder());
        BigInteger byRows = BigInteger.ONE;
        for (int k = 0; k < total / 2; k++) byRows = byRows.multiply(sums.get(k));
        BigInteger byCount = max.pow(total / 2);
        for (int odd = 3; odd < total; odd += 2) byCount = byCount.multiply(BigInteger.valueOf(odd));
        return byRows.min(byCount);
    }

    /** Π over the expanded rows of max(1, absolute row sum including the loop). */
    static BigInteger loopBound(BigInteger[][] s, BigInteger[] mu, int[] r) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < s.length; i++) {
            BigInteger row = mu[i].abs();
            for (int j = 0; j < s.length; j++) row = row.add(s[i][j].abs().multiply(BigInteger.valueOf(i == j ? r[i] - 1 : r[j])));
            b = b.multiply(row.max(BigInteger.ONE).pow(r[i]));
        }
        return b;
    }
}
