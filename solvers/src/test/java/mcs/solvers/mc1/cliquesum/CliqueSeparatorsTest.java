package mcs.solvers.mc1.cliquesum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mcs.problems.matrix.Pattern;
import mcs.problems.spi.SolverOptions;
import org.junit.jupiter.api.Test;

/** Atoms of small graphs whose clique minimal separators are known by hand. */
class CliqueSeparatorsTest {
    private static Set<String> atoms(int n, int[][] edges, boolean[] absent) {
        int[][] adj = Pattern.of(n, edges).adjacency();
        return CliqueSeparators.atoms(n, adj[0], adj[1], absent, SolverOptions.defaults()).stream()
                .map(Arrays::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> expect(int[]... sets) {
        return Arrays.stream(sets).map(Arrays::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void twoFourCyclesSharingAnEdgeSplitAlongIt() {
        int[][] e = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {0, 4}, {4, 5}, {5, 1}};
        assertEquals(expect(new int[] {0, 1, 2, 3}, new int[] {0, 1, 4, 5}), atoms(6, e, null));
    }

    @Test
    void aPathSplitsIntoItsEdgesAndComponentsComeApart() {
        int[][] e = {{0, 1}, {1, 2}, {2, 3}, {4, 5}};
        assertEquals(expect(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {4, 5}, new int[] {6}), atoms(7, e, null));
    }

    @Test
    void cycleWithAPendantTriangleAtACutVertex() {
        int[][] e = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 5}, {5, 6}, {6, 0}};
        assertEquals(expect(new int[] {0, 1, 2, 3, 4}, new int[] {0, 5, 6}), atoms(7, e, null));
    }

    @Test
    void graphsWithoutCliqueSeparatorsAreOneAtom() {
        // K_{2,3}: its minimal separators {0,1} and {2,3,4} are not cliques.
        int[][] k23 = {{0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}};
        assertEquals(expect(new int[] {0, 1, 2, 3, 4}), atoms(5, k23, null));
        // The 3×3 grid.
        int[][] grid = {{0, 1}, {1, 2}, {3, 4}, {4, 5}, {6, 7}, {7, 8}, {0, 3}, {3, 6}, {1, 4}, {4, 7}, {2, 5}, {5, 8}};
        assertEquals(expect(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}), atoms(9, grid, null));
    }

    @Test
    void chordalGraphsSplitIntoTheirMaximalCliques() {
        // Triangles {0,1,2} and {1,2,3} sharing edge {1,2}, and K4 {3,4,5,6} sharing vertex 3.
        int[][] e = {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3}, {3, 4}, {3, 5}, {3, 6}, {4, 5}, {4, 6}, {5, 6}};
        assertEquals(expect(new int[] {0, 1, 2}, new int[] {1, 2, 3}, new int[] {3, 4, 5, 6}), atoms(7, e, null));
    }

    @Test
    void absentVerticesAreLeftOut() {
        // A 4-cycle 0-1-2-3 plus vertex 4 joined to 0 and 2 (making {0,2} a non-clique separator); 4 absent.
        int[][] e = {{0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 0}, {4, 2}};
        boolean[] absent = {false, false, false, false, true};
        assertEquals(expect(new int[] {0, 1, 2, 3}), atoms(5, e, absent));
    }
}
