package mcs.verifier.search.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mcs.problems.exact.Rational;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.Pattern;
import mcs.verifier.kernel.ExactPsd;
import org.jgrapht.alg.clique.BronKerboschCliqueFinder;
import org.jgrapht.alg.cycle.ChordalityInspector;

/**
 * The fully specified principal blocks of a partial matrix: the maximal cliques of G(Ω) (Bron–Kerbosch;
 * exponential in the worst case, meant for the small instances of a search), chordality, exact PSD
 * decisions and a floating-point estimate of the smallest eigenvalue of a block.
 */
public final class Cliques {
    private Cliques() {}

    public static boolean chordal(Pattern p) {
        return new ChordalityInspector<>(p.graph()).isChordal();
    }

    /** Maximal cliques as sorted index arrays (isolated vertices give 1-cliques), in a deterministic order. */
    public static List<int[]> maximal(Pattern p) {
        List<int[]> out = new ArrayList<>();
        for (Set<Integer> c : new BronKerboschCliqueFinder<>(p.graph())) out.add(c.stream().mapToInt(Integer::intValue).sorted().toArray());
        out.sort((a, b) -> java.util.Arrays.compare(a, b));
        return out;
    }

    public static Rational[][] block(PartialSymmetricMatrix a, int[] idx) {
        Rational[][] b = new Rational[idx.length][idx.length];
        for (int x = 0; x < idx.length; x++) for (int y = 0; y < idx.length; y++) b[x][y] = a.get(idx[x], idx[y]);
        return b;
    }

    public static boolean psd(PartialSymmetricMatrix a, int[] idx) {
        return ExactPsd.decide(block(a, idx)).psd();
    }

    /** Smallest eigenvalue of a block in double precision (cyclic Jacobi, O(k³) per sweep, ≤ 50 sweeps). */
    public static double minEigenvalue(PartialSymmetricMatrix a, int[] idx) {
        int k = idx.length;
        double[][] m = new double[k][k];
        for (int x = 0; x < k; x++) for (int y = 0; y < k; y++) m[x][y] = a.get(idx[x], idx[y]).toDouble();
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = 0;
            for (int p = 0; p < k; p++) for (int q = p + 1; q < k; q++) off += m[p][q] * m[p][q];
            if (off < 1e-30) break;
            for (int p = 0; p < k; p++) {
                for (int q = p + 1; q < k; q++) {
                    if (m[p][q] == 0) continue;
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int r = 0; r < k; r++) {
                        double rp = m[r][p], rq = m[r][q];
                        m[r][p] = c * rp - s * rq;
                        m[r][q] = s * rp + c * rq;
                    }
                    for (int r = 0; r < k; r++) {
                        double pr = m[p][r], qr = m[q][r];
                        m[p][r] = c * pr - s * qr;
                        m[q][r] = s * pr + c * qr;
                    }
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int x = 0; x < k; x++) min = Math.min(min, m[x][x]);
        return min;
    }
}
