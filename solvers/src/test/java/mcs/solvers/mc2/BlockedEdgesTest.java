package mcs.solvers.mc2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;

/** {@link BlockedEdges}: the same edges and values as the pattern, in the promised grouping and order. */
class BlockedEdgesTest {
    private static FitTarget target(int n, long seed) {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(n, seed, Map.of("degree", "8")).instance();
        return FitTarget.of(inst);
    }

    /** (i, j) → a_ij for every off-diagonal entry, i &gt; j. */
    private static Map<Long, Double> pairs(FitTarget t) {
        Pattern p = t.omega;
        Map<Long, Double> m = new HashMap<>();
        for (int i = 0; i < p.n(); i++) {
            for (int e = p.rowStart(i); e < p.rowEnd(i) - 1; e++) m.put((long) i * p.n() + p.col(e), t.approx[e]);
        }
        return m;
    }

    @Test
    void lowerHoldsEachPairOnceGroupedByColumnBlock() {
        FitTarget t = target(3000, 4);
        int r = 200; // rowsPerBlock(200) = 655: several column blocks at n = 3000
        int per = BlockedEdges.rowsPerBlock(r);
        assertTrue(3000 / per >= 4, "the test needs several column blocks");
        BlockedEdges be = BlockedEdges.lower(t, r);
        Map<Long, Double> want = pairs(t);
        assertEquals(want.size(), be.size());
        for (int e = 0; e < be.size(); e++) {
            assertTrue(be.row[e] > be.col[e]);
            assertEquals(want.remove((long) be.row[e] * t.n() + be.col[e]), be.value[e], 0.0, "edge " + e);
            if (e > 0) {
                int b0 = be.col[e - 1] / per, b1 = be.col[e] / per;
                assertTrue(b0 < b1 || b0 == b1 && (be.row[e - 1] < be.row[e] || be.row[e - 1] == be.row[e] && be.col[e - 1] < be.col[e]),
                        "order at edge " + e);
            }
        }
        assertTrue(want.isEmpty());
    }

    @Test
    void directedHoldsEachPairTwiceInsideItsRowBlock() {
        FitTarget t = target(3000, 5);
        int r = 200, per = BlockedEdges.rowsPerBlock(r);
        RowBlocks rows = new RowBlocks(t.omega, null, 7);
        BlockedEdges be = BlockedEdges.directed(t, r, rows);
        Map<Long, Double> want = pairs(t);
        assertEquals(2 * want.size(), be.size());
        Map<Long, Integer> seen = new HashMap<>();
        for (int b = 0; b < rows.count(); b++) {
            for (int e = be.partStart[b]; e < be.partStart[b + 1]; e++) {
                int i = be.row[e], j = be.col[e];
                assertTrue(i >= rows.start(b) && i < rows.start(b + 1), "row " + i + " outside block " + b);
                long key = (long) Math.max(i, j) * t.n() + Math.min(i, j);
                assertEquals(want.get(key), be.value[e], 0.0);
                seen.merge(key, 1, Integer::sum);
                if (e > be.partStart[b]) {
                    int b0 = be.col[e - 1] / per, b1 = j / per;
                    assertTrue(b0 < b1 || b0 == b1 && (be.row[e - 1] < i || be.row[e - 1] == i && be.col[e - 1] < j), "order at edge " + e);
                }
            }
        }
        assertEquals(be.partStart[rows.count()], be.size());
        assertEquals(want.keySet(), seen.keySet());
        assertTrue(seen.values().stream().allMatch(c -> c == 2));
    }
}
