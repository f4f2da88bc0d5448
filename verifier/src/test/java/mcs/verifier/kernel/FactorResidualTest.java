package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;
import mcs.problems.families.Families;
import mcs.problems.families.Generated;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;

/**
 * The long route of the factor check ({@link FactorResidual}) against its BigInteger route, entry values chosen so
 * that every per-entry fallback is taken (dot products beyond a long, N_ij beyond a long, multipliers at 62 bits),
 * and the whole check on a planted certificate at a size where a BigInteger per entry would be felt.
 */
class FactorResidualTest {
    private static RationalMatrix decimals(int rows, int cols, int digits, double scale, SplittableRandom rng) {
        RationalArray ex = new RationalArray(rows * cols);
        double[] ap = new double[rows * cols];
        double unit = Math.pow(10, digits);
        for (int k = 0; k < ex.size(); k++) {
            long u = Math.round(scale * rng.nextGaussian() * unit);
            ex.setDecimal(k, u, -digits);
            ap[k] = u / unit;
        }
        return new RationalMatrix(rows, cols, ex, ap);
    }

    private static Mc1Instance instance(int n, int degree, int digits, SplittableRandom rng) {
        List<int[]> pairs = new ArrayList<>();
        for (int e = 0; e < n * degree / 2; e++) pairs.add(new int[] {rng.nextInt(n), rng.nextInt(n)});
        Pattern p = Pattern.of(n, pairs.toArray(new int[0][]));
        RationalArray ex = new RationalArray(p.m());
        double[] ap = new double[p.m()];
        long unit = (long) Math.pow(10, digits);
        for (int k = 0; k < p.m(); k++) {
            long u = rng.nextLong(-3 * unit, 3 * unit + 1);
            ex.setDecimal(k, u, -digits);
            ap[k] = (double) u / unit;
        }
        return new Mc1Instance(new PartialSymmetricMatrix(p, ex, ap));
    }

    @Test
    void longRouteEqualsBigIntegerRoute() {
        SplittableRandom rng = new SplittableRandom(21);
        int[][] shapes = {{2, 1}, {4, 3}, {8, 21}, {12, 5}, {17, 21}, {9, 2}};
        for (int[] shape : shapes) {
            int fDigits = shape[0], r = shape[1];
            for (int trial = 0; trial < 4; trial++) {
                int aDigits = trial % 2 == 0 ? 4 : 0;
                Mc1Instance inst = instance(60, 6, aDigits, rng);
                Target target = Target.of(inst);
                assertNotNull(target.small, "decimal instance values are held in longs");
                ScaledRows fr = new ScaledRows(decimals(60, r, fDigits, 0.3, rng));
                Rational delta = Rational.ofDecimal(rng.nextLong(1, 1_000_000), -7);
                BigInteger lf2 = fr.den.multiply(fr.den);
                BigInteger l = CompletionCheck.lcm(CompletionCheck.lcm(target.den, lf2), delta.denominator());
                BigInteger ma = l.divide(target.den), mf = l.divide(lf2), md = delta.numerator().multiply(l.divide(delta.denominator()));
                BigInteger[] fast = FactorResidual.sums(target, fr, ma, mf, md);
                BigInteger[] slow = FactorResidual.bigSums(target, fr, ma, mf, md);
                assertArrayEquals(slow, fast, "digits " + fDigits + ", r " + r + ", target digits " + aDigits);
            }
        }
    }

    /** Multipliers at the 62-bit limit and values whose N_ij leaves a long: every entry takes the per-entry BigInteger route. */
    @Test
    void overflowingEntriesFallBackExactly() {
        SplittableRandom rng = new SplittableRandom(4);
        Mc1Instance inst = instance(40, 8, 0, rng); // integers in [−3, 3]: den 1
        Target target = Target.of(inst);
        ScaledRows fr = new ScaledRows(decimals(40, 3, 9, 2.0, rng)); // den 10^9, so ma = 10^18 and a·ma overflows for |a| ≥ 10
        BigInteger lf2 = fr.den.multiply(fr.den);
        Rational delta = Rational.parse("0.5");
        BigInteger l = CompletionCheck.lcm(CompletionCheck.lcm(target.den, lf2), delta.denominator());
        BigInteger ma = l.divide(target.den), mf = l.divide(lf2), md = delta.numerator().multiply(l.divide(delta.denominator()));
        assertTrue(ma.bitLength() <= 62 && ma.bitLength() >= 59, "ma near the limit: " + ma);
        assertArrayEquals(FactorResidual.bigSums(target, fr, ma, mf, md), FactorResidual.sums(target, fr, ma, mf, md));
        // Huge multiples of the same data: the dot products no longer fit a long.
        ScaledRows big = new ScaledRows(decimals(40, 21, 0, 1e8, rng));
        BigInteger lf2b = big.den.multiply(big.den);
        BigInteger lb = CompletionCheck.lcm(CompletionCheck.lcm(target.den, lf2b), delta.denominator());
        BigInteger mab = lb.divide(target.den), mfb = lb.divide(lf2b), mdb = delta.numerator().multiply(lb.divide(delta.denominator()));
        assertArrayEquals(FactorResidual.bigSums(target, big, mab, mfb, mdb), FactorResidual.sums(target, big, mab, mfb, mdb));
    }

    /**
     * The family's planted factor certificate at n = 5·10^4 (m = 5.5·10^5): ACCEPTED on the long route, a rounded and
     * perturbed one (rank 21, eight digits, as burer-monteiro writes) too, and a shift that is too large REJECTED.
     */
    @Test
    void plantedCertificateAtScale() {
        int n = 50_000;
        Generated g = Families.byName("random-sparse").orElseThrow().generate(n, 3, Map.of("degree", "20", "margin", "1/10"));
        Mc1Instance inst = (Mc1Instance) g.instance();
        Body.Factor planted = (Body.Factor) g.known().certificate();
        assertNotNull(Target.of(inst).small, "instance values in longs");
        assertTrue(new ScaledRows(planted.factor()).hasLongs(), "factor numerators in longs");
        KernelOptions ko = KernelOptions.defaults();
        assertEquals(Outcome.ACCEPTED, Kernel.check(inst, null, Certificate.completion(null, planted), ko).outcome());

        int r = 21;
        SplittableRandom rng = new SplittableRandom(8);
        RationalMatrix f0 = planted.factor();
        RationalArray ex = new RationalArray(n * r);
        double[] ap = new double[n * r];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < r; c++) {
                double v = c < f0.cols() ? f0.approx(i, c) : 0;
                long u = Math.round((v + 1e-6 * rng.nextGaussian()) * 1e8);
                ex.setDecimal(i * r + c, u, -8);
                ap[i * r + c] = u / 1e8;
            }
        }
        Body.Factor rounded = new Body.Factor(new RationalMatrix(n, r, ex, ap), Rational.parse("0.1"));
        Judgement ok = Kernel.check(inst, null, Certificate.completion(null, rounded), ko);
        assertEquals(Outcome.ACCEPTED, ok.outcome(), ok.reason());
        Judgement bad = Kernel.check(inst, null, Certificate.completion(null, new Body.Factor(planted.factor(), Rational.parse("0.2"))), ko);
        assertEquals(Outcome.REJECTED, bad.outcome());
        assertEquals("weyl-bound", bad.check());
    }
}
