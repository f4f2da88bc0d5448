package mcs.solvers.engine.lowrank;

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
    void columnBlocksGrowLikeTheSquareRootOfTheArraysWithinTheirBounds() {
        // n = 10^5, r = 20 keeps the measured 2 MB; n = 10^6, r = 21 gets about 7 MB (see the class comment).
        assertEquals(2.18, BlockedEdges.blockBytes(100_000, 20) / (double) (1 << 20), 0.01);
        assertEquals(7.08, BlockedEdges.blockBytes(1_000_000, 21) / (double) (1 << 20), 0.01);
        assertEquals(BlockedEdges.MIN_BLOCK_BYTES, BlockedEdges.blockBytes(10, 1));
        assertEquals(BlockedEdges.MAX_BLOCK_BYTES, BlockedEdges.blockBytes(100_000_000, 20));
        // Quadrupling the arrays doubles the block.
        assertEquals(2 * BlockedEdges.blockBytes(200_000, 20), BlockedEdges.blockBytes(800_000, 20), 2.0);
        assertEquals(1, BlockedEdges.rowsPerBlock(1000, 1 << 20));
    }

    @Test
    void lowerHoldsEachPairOnceGroupedByColumnBlock() {
        FitTarget t = target(3000, 4);
        int r = 200; // rowsPerBlock(3000, 200) = 391: several column blocks at n = 3000
        int per = BlockedEdges.rowsPerBlock(t.n(), r);
        assertTrue(3000 / per >= 4, "the test needs several column blocks");
        BlockedEdges be = BlockedEdges.lower(t, per);
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
    void tilesHoldEachPairOnceAndRoundsTouchDisjointParts() {
        FitTarget t = target(3000, 5);
        int r = 200, per = BlockedEdges.rowsPerBlock(t.n(), r);
        for (int parts : new int[] {2, 7, 16}) {
            RowBlocks rows = new RowBlocks(t.omega, null, parts);
            int[] partOf = new int[t.n()];
            for (int b = 0; b < rows.count(); b++) {
                for (int i = rows.start(b); i < rows.start(b + 1); i++) partOf[i] = b;
            }
            BlockedEdges be = BlockedEdges.tiles(t, per, rows);
            Map<Long, Double> want = pairs(t);
            assertEquals(want.size(), be.size());
            assertEquals(be.size(), be.tileStart[be.tileStart.length - 1]);
            int tiles = 0;
            for (int k = 0; k + 1 < be.roundStart.length; k++) {
                boolean[] used = new boolean[rows.count()];
                for (int tile = be.roundStart[k]; tile < be.roundStart[k + 1]; tile++, tiles++) {
                    int pa = -1, pb = -1;
                    for (int e = be.tileStart[tile]; e < be.tileStart[tile + 1]; e++) {
                        int i = be.row[e], j = be.col[e];
                        assertTrue(i > j);
                        if (pa < 0) {
                            pa = partOf[i];
                            pb = partOf[j];
                        }
                        assertEquals(pa, partOf[i], "tile " + tile + " mixes row parts");
                        assertEquals(pb, partOf[j], "tile " + tile + " mixes column parts");
                        assertEquals(want.remove((long) i * t.n() + j), be.value[e], 0.0, "edge " + e);
                        if (e > be.tileStart[tile]) {
                            int b0 = be.col[e - 1] / per, b1 = j / per;
                            assertTrue(b0 < b1 || b0 == b1 && (be.row[e - 1] < i || be.row[e - 1] == i && be.col[e - 1] < j), "order at edge " + e);
                        }
                    }
                    if (pa < 0) continue; // an empty tile writes nothing
                    assertTrue(!used[pa] && (pa == pb || !used[pb]), "round " + k + " touches part " + pa + " or " + pb + " twice");
                    used[pa] = used[pb] = true;
                    assertEquals(k == 0, pa == pb, "round 0 holds exactly the diagonal tiles");
                }
            }
            assertEquals(rows.count() * (rows.count() + 1) / 2, tiles, "one tile per pair of parts");
            assertTrue(want.isEmpty(), parts + " parts: pairs missing from the tiles");
        }
    }
}
