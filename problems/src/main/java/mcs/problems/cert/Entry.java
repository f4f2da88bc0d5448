package mcs.problems.cert;

import mcs.problems.exact.Rational;

/** One matrix entry of a certificate body: 0-based, {@code i ≥ j} (JSON uses 1-based indices). */
public record Entry(int i, int j, Rational value) {
    public Entry {
        if (i < j) throw new IllegalArgumentException("certificate entries are lower-triangular: (" + i + "," + j + ")");
        if (j < 0) throw new IllegalArgumentException("negative index");
    }
}
