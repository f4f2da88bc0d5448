package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/**
 * Audit of permanent and hafnian answers: exact truth by a naive expansion written here (permutation sum,
 * matching recursion, over Gaussian rationals), entries mixing signs, fractions and magnitudes up to 2^140
 * (many primes), and claims off by 10⁻³⁰ in either part, by one, or with the sign flipped: only the exact
 * value is ACCEPTED. Also hafnians of c·J whose absolute value equals the proven bound exactly.
 */
class AuditPermanentTest {
    private static final KernelOptions OPTS = KernelOptions.defaults();
    private static final Rational E30 = Rational.of(BigInteger.ONE, BigInteger.TEN.pow(30));

    /** Gaussian rational as a pair. */
    record G(Rational re, Rational im) {
        G add(G o) {
            return new G(re.add(o.re), im.add(o.im));
        }

        G mul(G o) {
            return new G(re.multiply(o.re).subtract(im.multiply(o.im)), re.multiply(o.im).add(im.multiply(o.re)));
        }
    }

    static G at(RationalMatrix re, RationalMatrix im, int i, int j) {
        return new G(re.get(i, j), im == null ? Rational.ZERO : im.get(i, j));
    }

    static G perm(RationalMatrix re, RationalMatrix im, int row, boolean[] used) {
        int n = re.rows();
        if (row == n) return new G(Rational.ONE, Rational.ZERO);
        G s = new G(Rational.ZERO, Rational.ZERO);
        for (int c = 0; c < n; c++) {
            if (used[c]) continue;
            used[c] = true;
            s = s.add(at(re, im, row, c).mul(perm(re, im, row + 1, used)));
            used[c] = false;
        }
        return s;
    }

    static G haf(RationalMatrix re, RationalMatrix im, boolean[] used) {
        int n = re.rows(), first = -1;
        for (int i = 0; i < n && first < 0; i++) if (!used[i]) first = i;
        if (first < 0) return new G(Rational.ONE, Rational.ZERO);
        used[first] = true;
        G s = new G(Rational.ZERO, Rational.ZERO);
        for (int j = first + 1; j < n; j++) {
            if (used[j]) continue;
            used[j] = true;
            s = s.add(at(re, im, first, j).mul(haf(re, im, used)));
            used[j] = false;
        }
        used[first] = false;
        return s;
    }

    static Rational entry(Random rnd) {
        Rational v = Rational.of(rnd.nextInt(9) - 4, 1 + rnd.nextInt(5));
        if (rnd.nextInt(4) == 0) v = v.multiply(Rational.of(BigInteger.TWO.pow(rnd.nextInt(140))));
        return v;
    }

    static RationalMatrix random(Random rnd, int n, boolean symmetric) {
        Rational[][] a = new Rational[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = symmetric && j < i ? a[j][i] : entry(rnd);
        return RationalMatrix.of(a);
    }

    static String text(G g) {
        if (g.im.isZero()) return g.re.toString();
        return g.re + (g.im.signum() < 0 ? "-" : "+") + g.im.abs() + "i";
    }

    static Judgement claim(PermInstance inst, G value) {
        return PermanentCheck.check(inst, Certificate.exactValue(inst.problem(), null, text(value)), OPTS);
    }

    @Test
    void onlyTheExactValueIsAccepted() {
        Random rnd = new Random(1234);
        for (int trial = 0; trial < 400; trial++) {
            boolean hafnian = rnd.nextBoolean();
            boolean complex = rnd.nextInt(3) == 0;
            int n = hafnian ? 2 * (1 + rnd.nextInt(3)) : 1 + rnd.nextInt(5);
            RationalMatrix re = random(rnd, n, hafnian);
            RationalMatrix im = complex ? random(rnd, n, hafnian) : null;
            Problem problem = hafnian ? Problem.HAFNIAN : Problem.PERMANENT;
            PermInstance inst = new PermInstance(problem, complex ? PermInstance.Field.COMPLEX
                    : re.isIntegral() ? PermInstance.Field.INTEGER : PermInstance.Field.REAL, re, im);
            G truth = hafnian ? haf(re, im, new boolean[n]) : perm(re, im, 0, new boolean[n]);
            assertEquals(Outcome.ACCEPTED, claim(inst, truth).outcome(), "trial " + trial + " " + text(truth));
            G[] wrong = {
                new G(truth.re.add(E30), truth.im), new G(truth.re, truth.im.subtract(E30)),
                new G(truth.re.subtract(Rational.ONE), truth.im), new G(truth.re.negate(), truth.im.negate()),
                new G(truth.im, truth.re)
            };
            for (G w : wrong) {
                if (w.equals(truth)) continue;
                assertEquals(Outcome.REJECTED, claim(inst, w).outcome(), "trial " + trial + " claim " + text(w) + " truth " + text(truth));
            }
        }
    }

    /** haf(c·J_{2k}) = (2k−1)!!·c^k, exactly the (2k−1)!!·max|a|^k bound: the symmetric residue must be used. */
    @Test
    void hafnianAtItsBound() {
        for (int k = 1; k <= 5; k++) {
            for (BigInteger c : new BigInteger[] {BigInteger.TWO.pow(61).add(BigInteger.ONE), BigInteger.TWO.pow(200).negate().subtract(BigInteger.ONE)}) {
                int n = 2 * k;
                Rational[][] a = new Rational[n][n];
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i][j] = Rational.of(c);
                RationalMatrix m = RationalMatrix.of(a);
                BigInteger dfact = BigInteger.ONE;
                for (int o = 3; o < n; o += 2) dfact = dfact.multiply(BigInteger.valueOf(o));
                Rational truth = Rational.of(dfact.multiply(c.pow(k)));
                PermInstance inst = PermInstance.hafnian(m);
                assertEquals(truth, ModularHafnian.hafnian(m));
                assertEquals(Outcome.ACCEPTED, claim(inst, new G(truth, Rational.ZERO)).outcome());
                assertEquals(Outcome.REJECTED, claim(inst, new G(truth.negate(), Rational.ZERO)).outcome());
            }
        }
    }

    /** A budget raised beyond what the recomputation supports (order 63 and up) gives UNVERIFIED, not a crash. */
    @Test
    void beyondTheRecomputationRangeIsUnverified() {
        int n = 63;
        // A full matrix: a banded one (the zero matrix has bandwidth 0) is recomputed by the band DP at any order.
        Rational[][] ones = new Rational[n][n];
        for (Rational[] row : ones) java.util.Arrays.fill(row, Rational.ONE);
        PermInstance inst = PermInstance.permanent(RationalMatrix.of(ones));
        KernelOptions huge = KernelOptions.defaults().withPermanentMaxN(1000);
        Judgement j = PermanentCheck.check(inst, Certificate.exactValue(Problem.PERMANENT, null, "0"), huge);
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.reason());
    }
}
