package mcs.verifier.kernel;

/**
 * The outcome of an exact positive-semidefiniteness decision.
 *
 * <p>When the matrix is not PSD, {@code failRow} and {@code failCol} (0-based, {@code failRow ≥ failCol})
 * name the entry of the current Schur complement that proved it: a negative pivot at
 * {@code (failRow, failRow)}, or a nonzero off-diagonal entry {@code (failRow, failCol)} in the row of a
 * zero pivot. In both cases a principal minor of the input on the eliminated indices plus that entry's
 * indices is negative, which is the mathematical reason for the failure.
 *
 * @param psd true iff the matrix is positive semidefinite
 * @param rank rank of the matrix when {@code psd}, otherwise the number of pivots taken before the failure
 * @param failRow 0-based row of the failing entry, −1 when {@code psd}
 * @param failCol 0-based column of the failing entry, −1 when {@code psd}
 * @param eliminated number of indices eliminated before the failure (the size of the pivot set)
 * @param reason one sentence, 1-based indices
 */
public record PsdDecision(boolean psd, int n, int rank, int failRow, int failCol, int eliminated, String reason) {
    /** True when the matrix is positive definite (PSD of full rank). */
    public boolean definite() {
        return psd && rank == n;
    }

    static PsdDecision yes(int n, int rank) {
        return new PsdDecision(true, n, rank, -1, -1, n, rank == n ? "positive definite" : "positive semidefinite of rank " + rank);
    }

    static PsdDecision negativePivot(int n, int rank, int i, int eliminated) {
        return new PsdDecision(false, n, rank, i, i, eliminated,
                "negative pivot at index " + (i + 1) + " after " + eliminated + " eliminations (a principal minor is negative)");
    }

    static PsdDecision zeroPivotNonzeroRow(int n, int rank, int i, int j, int eliminated) {
        int r = Math.max(i, j), c = Math.min(i, j);
        return new PsdDecision(false, n, rank, r, c, eliminated,
                "zero pivot at index " + (i + 1) + " with nonzero entry (" + (r + 1) + "," + (c + 1) + ") after "
                        + eliminated + " eliminations (a 2x2 principal minor of the Schur complement is negative)");
    }
}
