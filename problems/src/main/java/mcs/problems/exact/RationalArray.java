package mcs.problems.exact;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A fixed-size array of exact rationals stored compactly: a value unscaled·10^e with |unscaled| &lt; 2^63
 * and |e| ≤ 30000 takes 10 bytes; any other value goes to a side table. Parsed decimal data (the
 * common case) therefore never allocates an object per entry, which is what lets a 10^7-entry instance
 * fit in a few hundred megabytes.
 *
 * <p>An array is filled with {@link #set} and {@link #setDecimal}, then {@link #freeze() frozen}: the
 * matrix types ({@code PartialSymmetricMatrix}, {@code RationalMatrix}) freeze the array they are built
 * from, so the values of an instance can never change after it exists, whoever holds the array. Freezing
 * is one-way; a frozen array refuses writes with {@link IllegalStateException}. {@link #copy()} gives a
 * writable copy.
 */
public final class RationalArray {
    private static final short SPILLED = Short.MIN_VALUE;

    private final long[] unscaled;
    private final short[] exp10;
    private Map<Integer, Rational> spill;
    /** Volatile: a writer on another thread sees the freeze at its next write. */
    private volatile boolean frozen;

    public RationalArray(int size) {
        unscaled = new long[size];
        exp10 = new short[size];
    }

    public int size() {
        return unscaled.length;
    }

    /** Makes the array read-only for good and returns it. */
    public RationalArray freeze() {
        frozen = true;
        return this;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /** A writable copy with the same values. */
    public RationalArray copy() {
        RationalArray c = new RationalArray(size());
        System.arraycopy(unscaled, 0, c.unscaled, 0, unscaled.length);
        System.arraycopy(exp10, 0, c.exp10, 0, exp10.length);
        if (spill != null) c.spill = new HashMap<>(spill);
        return c;
    }

    private void writable() {
        if (frozen) throw new IllegalStateException("this RationalArray belongs to an immutable matrix and cannot be changed; copy() it");
    }

    public void setDecimal(int k, long u, int e) {
        writable();
        if (e > Short.MAX_VALUE || e <= SPILLED) {
            set(k, Rational.ofDecimal(u, e));
            return;
        }
        unscaled[k] = u;
        exp10[k] = (short) e;
        if (spill != null) spill.remove(k);
    }

    public void set(int k, Rational r) {
        writable();
        BigInteger p = r.numerator(), q = r.denominator();
        if (q.equals(BigInteger.ONE) && p.bitLength() < 64) {
            unscaled[k] = p.longValue();
            exp10[k] = 0;
            if (spill != null) spill.remove(k);
            return;
        }
        unscaled[k] = 0;
        exp10[k] = SPILLED;
        if (spill == null) spill = new HashMap<>();
        spill.put(k, r);
    }

    public Rational get(int k) {
        if (exp10[k] == SPILLED) return spill.get(k);
        long u = unscaled[k];
        int e = exp10[k];
        if (u == 0) return Rational.ZERO;
        return e == 0 ? Rational.of(u) : Rational.ofDecimal(u, e);
    }

    /** True when entry k is held as unscaled·10^e (no side table); then {@link #unscaled} and {@link #exponent} describe it. */
    public boolean isCompact(int k) {
        return exp10[k] != SPILLED;
    }

    public long unscaled(int k) {
        return unscaled[k];
    }

    public int exponent(int k) {
        return exp10[k];
    }

    /** True when entry k is an integer that fits in a long. */
    public boolean isLongInteger(int k) {
        return exp10[k] == 0 || unscaled[k] == 0;
    }
}
