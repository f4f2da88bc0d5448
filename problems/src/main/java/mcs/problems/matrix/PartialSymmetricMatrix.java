package mcs.problems.matrix;

import mcs.problems.exact.Rational;
import mcs.problems.exact.RationalArray;

/**
 * A partial symmetric matrix: a {@link Pattern} Ω and, for every specified entry k, its exact value
 * and the nearest double. Exact values are what the verifier decides on; doubles are what solvers
 * compute with.
 *
 * <p>Immutable: the constructor {@linkplain RationalArray#freeze() freezes} the exact store and copies the
 * doubles, {@link #exactValues()} hands out the frozen store and {@link #approxValues()} a copy, so no
 * holder of an instance (a solver, a plug-in) can change the values another holder (the kernel) reads.
 * {@link #copy()} is a deep copy, for code that must not even share objects with untrusted code.
 */
public final class PartialSymmetricMatrix {
    private final Pattern pattern;
    private final RationalArray exact;
    private final double[] approx;

    public PartialSymmetricMatrix(Pattern pattern, RationalArray exact, double[] approx) {
        if (exact.size() != pattern.m() || approx.length != pattern.m()) {
            throw new IllegalArgumentException("value arrays must have one entry per specified position");
        }
        this.pattern = pattern;
        this.exact = exact.freeze();
        this.approx = approx.clone();
    }

    /** A deep copy: new pattern arrays, a new exact store and new doubles with the same values. */
    public PartialSymmetricMatrix copy() {
        return new PartialSymmetricMatrix(pattern.copy(), exact.copy(), approx);
    }

    /** From exact values indexed by entry (the doubles are the nearest ones). */
    public static PartialSymmetricMatrix of(Pattern pattern, Rational[] values) {
        RationalArray ex = new RationalArray(pattern.m());
        double[] ap = new double[pattern.m()];
        for (int k = 0; k < values.length; k++) {
            ex.set(k, values[k]);
            ap[k] = values[k].toDouble();
        }
        return new PartialSymmetricMatrix(pattern, ex, ap);
    }

    /**
     * From a square array of exact values where {@code null} marks an unknown position (only the lower
     * triangle is read). Convenient for tests and small examples.
     */
    public static PartialSymmetricMatrix ofLowerTriangle(Rational[][] a) {
        int n = a.length;
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) if (a[i][j] != null) pairs.add(new int[] {i, j});
        }
        Pattern p = Pattern.of(n, pairs.toArray(new int[0][]));
        Rational[] v = new Rational[p.m()];
        for (int i = 0; i < n; i++) {
            for (int k = p.rowStart(i); k < p.rowEnd(i); k++) {
                Rational x = a[i][p.col(k)];
                if (x == null) throw new IllegalArgumentException("diagonal entry " + i + " is unknown");
                v[k] = x;
            }
        }
        return of(p, v);
    }

    public Pattern pattern() {
        return pattern;
    }

    public int n() {
        return pattern.n();
    }

    public int m() {
        return pattern.m();
    }

    /** Exact value of entry k. */
    public Rational value(int k) {
        return exact.get(k);
    }

    /** Nearest double of entry k. */
    public double approx(int k) {
        return approx[k];
    }

    /** Exact value at (i, j) in either order, or null when unknown. */
    public Rational get(int i, int j) {
        int k = pattern.entryIndex(i, j);
        return k < 0 ? null : exact.get(k);
    }

    public Rational diagonal(int i) {
        return exact.get(pattern.diagonalEntry(i));
    }

    /** The compact exact store, frozen (read-only). */
    public RationalArray exactValues() {
        return exact;
    }

    /** The double values indexed by entry: a fresh copy, O(m). */
    public double[] approxValues() {
        return approx.clone();
    }
}
