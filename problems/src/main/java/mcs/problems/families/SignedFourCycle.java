package mcs.problems.families;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;

/**
 * The unit-diagonal 4-cycle v1–v2–v3–v4–v1 with a12 = a23 = a34 = c and a14 = −c (SPEC §6). Its
 * signed adjacency has an odd number of negative edges, so its eigenvalues are ±√2 (each twice): the
 * zero-chord matrix I + c·T is PSD iff 2c² ≤ 1, and for 2c² &gt; 1 the instance is NOT completable, with
 * witness W = I + t·S, S = −T, which is PSD iff 2t² ≤ 1 and has ⟨W, a⟩ = 4 − 8tc.
 */
final class SignedFourCycle {
    private SignedFourCycle() {}

    /** True iff 2c² ≤ 1, i.e. |c| ≤ 1/√2: exact. */
    static boolean completable(Rational c) {
        return c.square().multiply(2).compareTo(Rational.ONE) <= 0;
    }

    /**
     * The witness parameter t for 2c² &gt; 1: sign(c)·τ, where τ is the smallest decimal with the fewest
     * digits in the open-closed interval (1/(2|c|), 1/√2]. That interval is nonempty exactly when
     * |c| &gt; 1/√2; τ &gt; 1/(2|c|) makes ⟨W,a⟩ = 4 − 8τ|c| &lt; 0 and 2τ² ≤ 1 makes W ⪰ 0. Reproduces SPEC §6:
     * c = 4/5 gives 7/10, c = 71/100 gives 141/200.
     */
    static Rational witnessT(Rational c) {
        if (completable(c)) throw new IllegalArgumentException("c = " + c + " satisfies 2c² ≤ 1: no witness exists");
        Rational low = Rational.ONE.divide(c.abs().multiply(2));
        for (int digits = 0; ; digits++) {
            BigInteger scale = BigInteger.TEN.pow(digits);
            Rational scaled = low.multiply(Rational.of(scale));
            // smallest multiple of 10^-digits strictly above low
            BigInteger k = floor(scaled).add(BigInteger.ONE);
            Rational tau = Rational.of(k, scale);
            if (tau.square().multiply(2).compareTo(Rational.ONE) <= 0) return c.signum() < 0 ? tau.negate() : tau;
        }
    }

    private static BigInteger floor(Rational x) {
        BigInteger[] qr = x.numerator().divideAndRemainder(x.denominator());
        return x.signum() < 0 && qr[1].signum() != 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** ⟨W, a⟩ = 4 − 8tc for the unit-diagonal data. */
    static Rational pairing(Rational c, Rational t) {
        return Rational.of(4).subtract(t.multiply(c).multiply(8));
    }

    /** W = I + t·S on v = (v1, v2, v3, v4): S_12 = S_23 = S_34 = −1, S_14 = +1; row-major lower entries. */
    static List<Entry> witness(int[] v, Rational t) {
        List<Entry> w = new ArrayList<>();
        for (int x : v) w.add(new Entry(x, x, Rational.ONE));
        int[][] edges = {{0, 1}, {1, 2}, {2, 3}, {0, 3}};
        for (int e = 0; e < 4; e++) {
            int a = v[edges[e][0]], b = v[edges[e][1]];
            w.add(new Entry(Math.max(a, b), Math.min(a, b), e < 3 ? t.negate() : t));
        }
        w.sort(Comparator.comparingInt(Entry::i).thenComparingInt(Entry::j));
        return w;
    }

    /** The four off-diagonal values in the order of {@link #witness}'s edges: c, c, c, −c. */
    static Rational[] values(Rational c) {
        return new Rational[] {c, c, c, c.negate()};
    }
}
