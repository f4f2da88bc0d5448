package mcs.verifier.search.shrink;

import java.util.Arrays;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.matrix.RationalMatrix;

/**
 * How complicated an instance is, compared lexicographically: order n, then specified (MC1) or nonzero
 * (permanents) entries, then the total bit length of numerators and denominators, then the number of
 * entries different from 0 and ±1. A shrink step is taken only when it lowers this measure, so shrinking
 * terminates.
 */
public final class Complexity {
    private Complexity() {}

    public static long[] of(Instance inst) {
        long entries = 0, bits = 0, odd = 0;
        if (inst instanceof Mc1Instance mc1) {
            for (int k = 0; k < mc1.matrix().m(); k++) {
                Rational v = mc1.matrix().value(k);
                bits += bits(v);
                if (!simple(v)) odd++;
            }
            entries = mc1.matrix().m();
        } else if (inst instanceof PermInstance p) {
            RationalMatrix a = p.re();
            for (int i = 0; i < a.rows(); i++) {
                for (int j = 0; j < a.cols(); j++) {
                    Rational v = a.get(i, j);
                    if (!v.isZero()) entries++;
                    bits += bits(v);
                    if (!simple(v)) odd++;
                }
            }
        } else {
            return new long[] {inst.n(), inst.m(), 0, 0};
        }
        return new long[] {inst.n(), entries, bits, odd};
    }

    public static boolean simpler(Instance a, Instance b) {
        return Arrays.compare(of(a), of(b)) < 0;
    }

    private static long bits(Rational v) {
        return v.numerator().abs().bitLength() + v.denominator().bitLength() - 1;
    }

    private static boolean simple(Rational v) {
        return v.isZero() || v.abs().equals(Rational.ONE);
    }
}
