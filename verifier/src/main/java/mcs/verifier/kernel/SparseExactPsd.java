package mcs.verifier.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import mcs.problems.exact.Rational;

/**
 * Exact PSD decision for a sparse symmetric rational matrix by symmetric elimination in a minimum-degree
 * order, tracking fill.
 *
 * <p><b>Method.</b> The matrix is held as one hash map of nonzero off-diagonal entries per index plus the
 * diagonal. Repeatedly the active index v of smallest current degree (ties: smallest index) is taken:
 * a negative diagonal proves "not PSD"; a zero diagonal with a nonzero row proves "not PSD"; a zero
 * diagonal with an empty row is dropped; a positive diagonal is eliminated with the exact rational
 * Schur update {@code M_ij ← M_ij − M_iv·M_jv / M_vv} over the neighbours of v (which is where fill
 * appears). Entries that cancel to exactly zero are removed, so the structure is the exact one.
 *
 * <p><b>Soundness.</b> Eliminating a positive pivot is a congruence by a unit triangular matrix: the
 * matrix is PSD iff the Schur complement is PSD. A negative diagonal entry of a Schur complement, or a
 * zero diagonal entry with a nonzero entry in its row (2×2 principal minor −M_ij² &lt; 0), shows the Schur
 * complement is not PSD. Deleting an index with an all-zero row and column does not change
 * semidefiniteness. The order only affects cost, never the answer, so any heuristic order is sound.
 *
 * <p><b>Cost.</b> Σ over pivots of deg(v)² rational operations, where deg includes fill; minimum degree
 * keeps this near-linear on tree-like and banded patterns. A budget on stored nonzeros bounds memory
 * and time: beyond it the method gives up (returns empty) and the caller decides otherwise. Memory is
 * O(n) words plus the stored nonzeros: an index without off-diagonal entries holds no map.
 */
public final class SparseExactPsd {
    private SparseExactPsd() {}

    /**
     * @param n order
     * @param rows 0-based rows of the listed lower-triangle entries (i ≥ j)
     * @param cols 0-based columns
     * @param values exact values; duplicate positions are added together, unlisted positions are 0
     * @param maxNonzeros budget on off-diagonal nonzeros (counted once per pair) held at any time
     * @return the decision, or empty when the fill exceeded the budget
     */
    public static Optional<PsdDecision> decide(int n, int[] rows, int[] cols, Rational[] values, long maxNonzeros) {
        Rational[] diag = new Rational[n];
        java.util.Arrays.fill(diag, Rational.ZERO);
        // Rows are created on first use: an index without off-diagonal entries costs no map (n may be 10^6).
        @SuppressWarnings("unchecked")
        Map<Integer, Rational>[] adj = new Map[n];
        long listed = 0;
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k], j = cols[k];
            if (values[k].isZero()) continue;
            if (i == j) {
                diag[i] = diag[i].add(values[k]);
            } else {
                Rational v = row(adj, i).getOrDefault(j, Rational.ZERO).add(values[k]);
                put(adj, i, j, v);
                if (++listed > 2 * maxNonzeros) return Optional.empty();
            }
        }
        long nonzeros = 0;
        for (int i = 0; i < n; i++) nonzeros += size(adj, i);
        nonzeros /= 2;
        if (nonzeros > maxNonzeros) return Optional.empty();
        boolean[] done = new boolean[n];
        PriorityQueue<long[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int rank = 0;
        int eliminated = 0;
        // Indices without neighbours come first in the minimum-degree order (degree 0, by index), and fill
        // never reaches them: they are decided here, in that order, without entering the queue.
        for (int v = 0; v < n; v++) {
            if (size(adj, v) > 0) continue;
            int s = diag[v].signum();
            if (s < 0) return Optional.of(PsdDecision.negativePivot(n, rank, v, eliminated));
            done[v] = true;
            eliminated++;
            if (s > 0) rank++;
        }
        for (int i = 0; i < n; i++) if (!done[i]) queue.add(new long[] {size(adj, i), i});
        while (!queue.isEmpty()) {
            long[] top = queue.poll();
            int v = (int) top[1];
            if (done[v] || top[0] != size(adj, v)) continue;
            Budget.tick();
            Map<Integer, Rational> row = row(adj, v);
            int s = diag[v].signum();
            if (s < 0) return Optional.of(PsdDecision.negativePivot(n, rank, v, eliminated));
            if (s == 0) {
                if (!row.isEmpty()) {
                    int j = row.keySet().stream().min(Integer::compare).orElseThrow();
                    return Optional.of(PsdDecision.zeroPivotNonzeroRow(n, rank, v, j, eliminated));
                }
                done[v] = true;
                eliminated++;
                continue;
            }
            done[v] = true;
            eliminated++;
            rank++;
            Rational pivot = diag[v];
            int[] nb = row.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            Rational[] w = new Rational[nb.length];
            for (int a = 0; a < nb.length; a++) w[a] = row.get(nb[a]);
            for (int a = 0; a < nb.length; a++) row(adj, nb[a]).remove(v);
            nonzeros -= nb.length;
            row.clear();
            for (int a = 0; a < nb.length; a++) {
                int i = nb[a];
                Rational f = w[a].divide(pivot);
                diag[i] = diag[i].subtract(f.multiply(w[a]));
                for (int b = 0; b < a; b++) {
                    int j = nb[b];
                    Map<Integer, Rational> ri = row(adj, i);
                    Rational old = ri.get(j);
                    Rational nv = (old == null ? Rational.ZERO : old).subtract(f.multiply(w[b]));
                    if (old == null && !nv.isZero()) nonzeros++;
                    if (old != null && nv.isZero()) nonzeros--;
                    put(adj, i, j, nv);
                }
                if (nonzeros > maxNonzeros) return Optional.empty();
            }
            for (int i : nb) queue.add(new long[] {size(adj, i), i});
        }
        return Optional.of(PsdDecision.yes(n, rank));
    }

    private static Map<Integer, Rational> row(Map<Integer, Rational>[] adj, int i) {
        Map<Integer, Rational> r = adj[i];
        if (r == null) adj[i] = r = new HashMap<>();
        return r;
    }

    private static int size(Map<Integer, Rational>[] adj, int i) {
        return adj[i] == null ? 0 : adj[i].size();
    }

    private static void put(Map<Integer, Rational>[] adj, int i, int j, Rational v) {
        if (v.isZero()) {
            row(adj, i).remove(j);
            row(adj, j).remove(i);
        } else {
            row(adj, i).put(j, v);
            row(adj, j).put(i, v);
        }
    }
}
