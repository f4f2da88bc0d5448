package mcs.solvers.perm.repeated;

import static mcs.solvers.engine.exact.Dyadic.lcm;

import java.math.BigInteger;
import java.util.LinkedHashMap;
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
 * {@code permanent-repeated}: the exact permanent of a real integer or rational matrix with repeated rows
 * and columns, by Glynn's formula over sign classes ({@link RepeatedGlynn}) modulo primes and CRT. The
 * classes are those of the rows or of the columns (perm(B) = perm(Bᵀ)), whichever are fewer.
 *
 * <p><b>Scaling and exactness.</b> Row i (after the choice, a row of A or of Aᵀ) is scaled by the LCM d_i of
 * its denominators; perm(B) scales by Π d_i^{r_i}. The primes' product exceeds twice
 * min(Π_i (Σ_j |a_ij| c_j)^{r_i}, the same over columns) ≥ |perm(B)| (every term of the permanent appears in
 * the expansion of the product of B's absolute row sums); the residues are divided by 2^N before CRT, so
 * CRT yields the scaled permanent itself.
 *
 * <p>Domain: real input, at most {@value #MAX_CLASSES} classes. Cost: Π(r_i + 1)/2 classes of O(n) word
 * operations plus a few modular products per prime (word path), or O(n + N) per class and prime.
 */
public final class RepeatedPermanentSolver extends BaseSolver<RepeatedInstance> {
    public static final long MAX_CLASSES = 1L << 40;

    public RepeatedPermanentSolver() {
        super(RepeatedInstance.class, new SolverInfo("permanent-repeated", Problem.PERMANENT, SolverKind.EXACT, 15,
                "exact permanent of a real integer or rational matrix with repeated rows and columns (Glynn's formula over the sign "
                        + "classes of the rows or columns, whichever are fewer, modulo 61-bit primes, CRT); prod(r_i+1)/2 classes of O(n) "
                        + "word operations; at most 2^40 classes"));
    }

    @Override
    protected String refusal(RepeatedInstance inst) {
        if (inst.isComplex()) return name() + " takes real matrices; complex input is not supported";
        long classes = Math.min(ClassLayout.of(inst.rowRepeats()).walked(), ClassLayout.of(inst.colRepeats()).walked());
        if (classes > MAX_CLASSES) return name() + " would walk " + classes + " sign classes, more than 2^40";
        return null;
    }

    @Override
    protected SolverResult run(RepeatedInstance inst, String sha, SolverOptions options) {
        long t0 = System.nanoTime();
        RationalMatrix a = inst.matrix().re();
        int[] r = inst.rowRepeats(), c = inst.colRepeats();
        boolean transpose = ClassLayout.of(c).walked() < ClassLayout.of(r).walked();
        int n = a.rows();
        BigInteger[][] s = new BigInteger[n][n];
        BigInteger divisor = BigInteger.ONE;
        if (transpose) {
            int[] x = r;
            r = c;
            c = x;
        }
        for (int i = 0; i < n; i++) {
            BigInteger d = BigInteger.ONE;
            for (int j = 0; j < n; j++) d = lcm(d, entry(a, i, j, transpose).denominator());
            for (int j = 0; j < n; j++) {
                Rational v = entry(a, i, j, transpose);
                s[i][j] = v.numerator().multiply(d.divide(v.denominator()));
            }
            divisor = divisor.multiply(d.pow(r[i]));
        }
        int total = inst.total();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("n", n);
        stats.put("total", total);
        stats.put("grouped", transpose ? "columns" : "rows");
        stats.put("classes", ClassLayout.of(r).walked());
        String value;
        if (total == 0) {
            value = "1";
        } else {
            MontPrime[] primes = MontPrime.enoughFor(bound(s, r, c));
            stats.put("primes", primes.length);
            long colMax = total <= 62 ? RepeatedGlynn.columnBound(s, r) : -1;
            long[] sums;
            if (colMax >= 0) {
                long[][] ls = new long[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) ls[i][j] = s[i][j].longValueExact();
                stats.put("path", "words");
                sums = RepeatedGlynn.sumWords(ls, r, c, colMax, primes, options);
            } else {
                stats.put("path", "modular");
                sums = RepeatedGlynn.sumModular(s, r, c, primes, options);
            }
            BigInteger norm = BigInteger.ONE.shiftLeft(total);
            long[] ps = new long[primes.length];
            BigInteger[] res = new BigInteger[primes.length];
            for (int k = 0; k < primes.length; k++) {
                ps[k] = primes[k].p();
                res[k] = primes[k].value(primes[k].mul(sums[k], primes[k].inverse(norm)));
            }
            value = Rational.of(WordPrimes.crt(ps, res), divisor).toString();
        }
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return SolverResult.solved(name(), Certificate.exactValue(Problem.PERMANENT, sha, value), stats,
                "Glynn's formula over sign classes modulo word primes, CRT");
    }

    private static Rational entry(RationalMatrix a, int i, int j, boolean transpose) {
        return transpose ? a.get(j, i) : a.get(i, j);
    }

    /** min over rows and columns of the product of B's absolute line sums. */
    static BigInteger bound(BigInteger[][] s, int[] r, int[] c) {
        BigInteger rows = BigInteger.ONE, cols = BigInteger.ONE;
        for (int i = 0; i < s.length; i++) {
            BigInteger sr = BigInteger.ZERO, sc = BigInteger.ZERO;
            for (int j = 0; j < s.length; j++) {
                sr = sr.add(s[i][j].abs().multiply(BigInteger.valueOf(c[j])));
                sc = sc.add(s[j][i].abs().multiply(BigInteger.valueOf(r[j])));
            }
            rows = rows.multiply(sr.pow(r[i]));
            cols = cols.multiply(sc.pow(c[i]));
        }
        return rows.min(cols);
    }
}
