package mcs.solvers.engine.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mcs.problems.families.Families;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.matrix.Pattern;
import org.junit.jupiter.api.Test;

class RowBlocksTest {
    /**
     * The row blocks carry equal work (degree + 2 per row) up to one row's weight, the last block included: the
     * tiles of FactorObjective's rounds are then of equal size and no thread waits for a larger one.
     */
    @Test
    void blocksCarryEqualWork() {
        Mc1Instance inst = (Mc1Instance) Families.byName("random-sparse").orElseThrow().generate(20_000, 3, Map.of("degree", "20", "margin", "1/10")).instance();
        Pattern p = FitTarget.of(inst).omega;
        int n = p.n();
        long[] weight = new long[n];
        long total = 0;
        int heaviest = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = p.degree(i) + 2;
            total += weight[i];
        }
        for (long w : weight) heaviest = (int) Math.max(heaviest, w);
        for (int blocks : new int[] {2, 4, 8, 16}) {
            RowBlocks rows = new RowBlocks(p, null, blocks);
            assertEquals(blocks, rows.count());
            assertEquals(0, rows.start(0));
            assertEquals(n, rows.start(blocks));
            for (int b = 0; b < blocks; b++) {
                long work = 0;
                for (int i = rows.start(b); i < rows.start(b + 1); i++) work += weight[i];
                double share = (double) total / blocks;
                assertTrue(Math.abs(work - share) <= heaviest, blocks + " blocks: block " + b + " has work " + work + ", a share is " + share);
            }
        }
    }
}
