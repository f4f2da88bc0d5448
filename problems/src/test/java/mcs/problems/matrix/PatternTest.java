package mcs.problems.matrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import mcs.problems.exact.Rational;
import org.junit.jupiter.api.Test;

class PatternTest {
    @Test
    void entriesRowsAndAdjacencyAgreeWithAPairSet() {
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 200; t++) {
            int n = 1 + r.nextInt(30);
            int e = r.nextInt(3 * n + 1);
            int[][] pairs = new int[e][];
            Set<Long> truth = new HashSet<>();
            for (int k = 0; k < e; k++) {
                int i = r.nextInt(n), j = r.nextInt(n);
                pairs[k] = new int[] {i, j};
                if (i != j) truth.add((long) Math.max(i, j) * n + Math.min(i, j));
            }
            Pattern p = Pattern.of(n, pairs);
            assertEquals(n + truth.size(), p.m());
            assertEquals(truth.size(), p.edges());
            for (int k = 0; k < p.m(); k++) {
                int i = p.row(k), j = p.col(k);
                assertTrue(j <= i);
                assertEquals(k, p.entryIndex(i, j));
                assertEquals(k, p.entryIndex(j, i));
            }
            for (int i = 0; i < n; i++) {
                assertEquals(i, p.col(p.diagonalEntry(i)));
                int[] nb = p.neighbours(i);
                int deg = 0;
                for (int j = 0; j < n; j++) {
                    boolean in = i != j && truth.contains((long) Math.max(i, j) * n + Math.min(i, j));
                    assertEquals(in, p.contains(i, j) && i != j);
                    if (in) assertEquals(j, nb[deg++]);
                }
                assertEquals(deg, nb.length);
                assertEquals(deg, p.degree(i));
                int[][] adj = p.adjacency();
                for (int q = adj[0][i]; q < adj[0][i + 1]; q++) assertEquals(p.entryIndex(i, adj[1][q]), adj[2][q]);
            }
            assertEquals(truth.size(), p.graph().edgeSet().size());
        }
    }

    @Test
    void denseAndValidation() {
        Pattern d = Pattern.dense(4);
        assertEquals(10, d.m());
        assertTrue(d.contains(3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pattern(2, new int[] {0, 1, 2}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Pattern(2, new int[] {0, 1, 3}, new int[] {0, 1, 1}));
    }

    @Test
    void partialMatrixFromLowerTriangle() {
        Rational h = Rational.HALF;
        PartialSymmetricMatrix a = PartialSymmetricMatrix.ofLowerTriangle(new Rational[][] {
            {Rational.ONE, null, null}, {h, Rational.ONE, null}, {null, h, Rational.ONE}});
        assertEquals(5, a.m());
        assertEquals(h, a.get(0, 1));
        assertEquals(h, a.get(1, 0));
        assertEquals(null, a.get(0, 2));
        assertFalse(a.pattern().contains(2, 0));
        assertEquals(0.5, a.approx(a.pattern().entryIndex(2, 1)), 0.0);
        assertArrayEquals(new int[] {1}, a.pattern().neighbours(0));
    }
}
