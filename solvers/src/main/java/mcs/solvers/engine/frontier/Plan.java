package mcs.solvers.engine.frontier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The schedule of a frontier dynamic programme over a sparse matrix: a sequence of steps, each of which
 * takes one line (a vertex for hafnians, a row for permanents) and may <em>match</em> it with one of a few
 * open partners, each identified by a slot (a bit of the state). A state is the set of occupied slots, a
 * long mask; the number of slots in use at once is the frontier width F, so a step touches at most 2^F
 * states.
 *
 * <p>Per step: {@code own} is the slot of the line itself when an earlier step could already have matched it
 * (hafnians; −1 otherwise), {@code partners}/{@code entries} the slots that may be taken with the matrix
 * entry used (its index into the caller's value table), {@code loop} the entry of a self-match (loop hafnians;
 * −1 for none), and {@code closing} the slots whose line must be taken by the end of this step and is then
 * released (permanents: columns whose last row this is). Slots are assigned when a line first becomes
 * reachable and released after its last step, so every state has a released slot clear.
 *
 * @param steps the steps in order
 * @param width F, the largest number of slots in use at once (≤ 63)
 */
public record Plan(List<Step> steps, int width) {
    /** One step; see the class comment. */
    public record Step(int own, int[] partners, int[] entries, int loop, long closing) {}

    /**
     * The plan of a hafnian or loop hafnian over a symmetric pattern in a given vertex order.
     *
     * @param adj adj[v] = neighbours of v (v itself excluded), with entry index entry[v][k] for adj[v][k]
     * @param loopEntry entry index of a_vv for loop hafnians (−1 where the loop weight is zero), or null
     * @param order the vertex processed at each position
     * @param maxWidth give up (return null) when more slots would be needed
     */
    public static Plan hafnian(int[][] adj, int[][] entry, int[] loopEntry, int[] order, int maxWidth) {
        int n = order.length;
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) pos[order[i]] = i;
        int[] slotOf = new int[n];
        Arrays.fill(slotOf, -1);
        long free = maxWidth >= 63 ? -1L >>> 1 : (1L << maxWidth) - 1;
        int width = 0, used = 0;
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int v = order[i];
            List<int[]> later = new ArrayList<>();
            for (int k = 0; k < adj[v].length; k++) if (pos[adj[v][k]] > i) later.add(new int[] {adj[v][k], entry[v][k]});
            int[] partners = new int[later.size()], entries = new int[later.size()];
            for (int k = 0; k < later.size(); k++) {
                int w = later.get(k)[0];
                if (slotOf[w] < 0) {
                    if (free == 0) return null;
                    slotOf[w] = Long.numberOfTrailingZeros(free);
                    free &= free - 1;
                    used++;
                }
                partners[k] = slotOf[w];
                entries[k] = later.get(k)[1];
            }
            width = Math.max(width, used);
            int own = slotOf[v];
            steps.add(new Step(own, partners, entries, loopEntry == null ? -1 : loopEntry[v], 0));
            if (own >= 0) {
                free |= 1L << own;
                used--;
            }
        }
        return new Plan(steps, width);
    }

    /**
     * The plan of a permanent, rows in the given order: a row takes one free column slot; a column's slot is
     * released, and required taken, after its last row.
     *
     * @param rows rows[i] = columns with a nonzero entry in row i, entry[i][k] the entry index of rows[i][k]
     * @param order the row processed at each step
     * @return null when more than maxWidth columns would be open at once
     */
    public static Plan permanent(int[][] rows, int[][] entry, int cols, int[] order, int maxWidth) {
        int n = order.length;
        int[] last = new int[cols];
        Arrays.fill(last, -1);
        for (int s = 0; s < n; s++) for (int c : rows[order[s]]) last[c] = s;
        int[] slotOf = new int[cols];
        Arrays.fill(slotOf, -1);
        long free = maxWidth >= 63 ? -1L >>> 1 : (1L << maxWidth) - 1;
        int width = 0, used = 0;
        List<Step> steps = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            int row = order[s];
            int[] partners = new int[rows[row].length];
            for (int k = 0; k < partners.length; k++) {
                int c = rows[row][k];
                if (slotOf[c] < 0) {
                    if (free == 0) return null;
                    slotOf[c] = Long.numberOfTrailingZeros(free);
                    free &= free - 1;
                    used++;
                }
                partners[k] = slotOf[c];
            }
            width = Math.max(width, used);
            long closing = 0;
            for (int c : rows[row]) {
                if (last[c] == s) {
                    closing |= 1L << slotOf[c];
                    free |= 1L << slotOf[c];
                    used--;
                }
            }
            steps.add(new Step(-1, partners, entry[row].clone(), -1, closing));
        }
        return new Plan(steps, width);
    }
}
