package mcs.solvers.engine.repeated;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a sum over sign classes t ∈ Π_i {0, …, r_i} is walked, for the sign-vector formulas of matrices with
 * repeated rows (a sign vector on the r_i copies of row i enters only through y_i = r_i − 2t_i, t_i its
 * number of −1 signs, with multiplicity C(r_i, t_i)).
 *
 * <p>Digits are the modes with r_i &gt; 0, put in this order: the <em>mirror</em> digit (largest r), the
 * <em>task</em> digits (fixed per task), the remaining <em>outer</em> digits, the <em>inner</em> digits (the
 * last ones, at most {@link #INNER_MAX} classes together). The terms of all three formulas are invariant
 * under t ↦ r − t (y ↦ −y; see the callers), so the mirror digit runs only over 0 … ⌊r/2⌋, with factor 2
 * below r/2 and 1 at r/2 (the classes with t_mirror = r/2 are mapped among themselves and counted once).
 * The layout depends only on the repeats, never on the thread count.
 *
 * @param modes original mode index of each digit, in layout order
 * @param r repeats in layout order (all &gt; 0)
 * @param taskDigits number of leading digits fixed per task (the mirror digit and the task digits)
 * @param innerStart first inner digit
 */
public record ClassLayout(int[] modes, int[] r, int taskDigits, int innerStart) {
    /** Largest number of inner classes (the inner tables hold a few arrays of this length). */
    public static final int INNER_MAX = 1 << 12;
    /** Tasks aimed at: enough to balance threads, few enough that per-task setup stays negligible. */
    static final int TASKS_TARGET = 256;

    /** The layout for repeats indexed by mode (zeros are left out). */
    public static ClassLayout of(int[] repeats) {
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < repeats.length; i++) if (repeats[i] > 0) active.add(i);
        if (active.isEmpty()) return new ClassLayout(new int[0], new int[0], 0, 0);
        // Mirror: the largest repeat (first such mode); inner: the smallest repeats, so that many digits fit.
        int mirror = active.stream().max(Comparator.comparingInt((Integer i) -> repeats[i]).thenComparing(i -> -i)).orElseThrow();
        List<Integer> rest = new ArrayList<>(active);
        rest.remove(Integer.valueOf(mirror));
        rest.sort(Comparator.comparingInt((Integer i) -> -repeats[i]).thenComparingInt(i -> i));
        List<Integer> inner = new ArrayList<>();
        long k = 1;
        for (int x = rest.size() - 1; x >= 0; x--) {
            int i = rest.get(x);
            if (k * (repeats[i] + 1) > INNER_MAX) break;
            k *= repeats[i] + 1;
            inner.add(0, i);
        }
        rest.removeAll(inner);
        List<Integer> order = new ArrayList<>();
        order.add(mirror);
        order.addAll(rest);
        order.addAll(inner);
        int[] modes = order.stream().mapToInt(Integer::intValue).toArray();
        int[] r = new int[modes.length];
        for (int x = 0; x < modes.length; x++) r[x] = repeats[modes[x]];
        int innerStart = modes.length - inner.size();
        int task = 1;
        long tasks = r[0] / 2 + 1;
        while (task < innerStart && tasks < TASKS_TARGET) tasks *= r[task++] + 1;
        return new ClassLayout(modes, r, task, innerStart);
    }

    public int digits() {
        return r.length;
    }

    /** Number of tasks: (⌊r_0/2⌋ + 1)·Π over the other task digits of (r + 1). */
    public int tasks() {
        if (r.length == 0) return 1;
        long t = r[0] / 2 + 1;
        for (int x = 1; x < taskDigits; x++) t *= r[x] + 1;
        return (int) t;
    }

    /** The t values of the task digits of task {@code task} (mixed radix, digit 0 least significant). */
    public int[] taskValues(int task) {
        int[] t = new int[r.length];
        int rest = task;
        for (int x = 0; x < taskDigits; x++) {
            int radix = x == 0 ? r[0] / 2 + 1 : r[x] + 1;
            t[x] = rest % radix;
            rest /= radix;
        }
        return t;
    }

    /** 2 when the mirror digit's value stands for itself and its mirror image, 1 at the centre. */
    public int mirrorFactor(int t0) {
        return r.length == 0 || 2 * t0 == r[0] ? 1 : 2;
    }

    /** Classes walked in all (after the mirror halving). */
    public long walked() {
        if (r.length == 0) return 1;
        double c = r[0] / 2 + 1;
        for (int x = 1; x < r.length; x++) c *= r[x] + 1;
        return c >= 9e18 ? Long.MAX_VALUE : (long) c;
    }

    /** Π (r_i + 1) over the inner digits. */
    public int innerClasses() {
        int k = 1;
        for (int x = innerStart; x < r.length; x++) k *= r[x] + 1;
        return k;
    }

    /** C(r, t)·(−1)^t (|value| ≤ 2^r). */
    public static BigInteger signedBinomial(int r, int t) {
        BigInteger b = BigInteger.ONE;
        for (int k = 1; k <= t; k++) b = b.multiply(BigInteger.valueOf(r - t + k)).divide(BigInteger.valueOf(k));
        return (t & 1) == 0 ? b : b.negate();
    }

    /** The inner classes in odometer order: per class its digit values, and the step to the next class. */
    public InnerWalk innerWalk() {
        int d = r.length - innerStart;
        int k = innerClasses();
        int[][] t = new int[k][d];
        int[] stepDigit = new int[k];
        int[] cur = new int[d];
        for (int c = 0; c < k; c++) {
            t[c] = cur.clone();
            int x = 0;
            while (x < d && cur[x] == r[innerStart + x]) {
                cur[x] = 0;
                x++;
            }
            if (x < d) cur[x]++;
            stepDigit[c] = x;
        }
        return new InnerWalk(t, stepDigit);
    }

    /**
     * @param t digit values (relative to {@code innerStart}) of each inner class
     * @param lowestChanged the lowest digit that changes after class c (d when c is the last)
     */
    public record InnerWalk(int[][] t, int[] lowestChanged) {}
}
