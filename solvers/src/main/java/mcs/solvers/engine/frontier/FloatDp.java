package mcs.solvers.engine.frontier;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link Plan} in double precision on a real matrix, with the same programme on absolute values and
 * the rounding depth, for a rigorous error bound (see {@code FloatAnswer} in {@code engine.repeated}:
 * |computed − exact| ≤ γ_D·Z for a computation by additions and multiplications of depth D).
 *
 * <p>Depth: a new state's value is a sum of c contributions, each an old value times an entry rounded from
 * the exact input; along any path this adds 1 (input) + 1 (product) + (c − 1) (additions), plus 1 for the
 * rescaling, so each step adds 2 + c_max to D, c_max the most contributions any state of that step received.
 * After each step all values are multiplied by the same power of two to keep the largest absolute value near
 * 1 (exact, except that a value brought into the subnormal range while its absolute counterpart stays above
 * 2^-1000 is rounded with an error below u times that counterpart: the extra depth 1); the exponent is
 * returned. A product of nonzero numbers below 2^-1000 in magnitude (where the relative error model could
 * fail by underflow) sets {@link Result#underflow()}.
 */
public final class FloatDp {
    private FloatDp() {}

    /** value·2^scale and abs·2^scale are the computed value and absolute value. */
    public record Result(double value, double abs, int scale, long depth, boolean underflow) {}

    public static Result run(Plan plan, double[] a, Runnable tick) {
        Map<Long, double[]> states = new HashMap<>();
        states.put(0L, new double[] {1, 1, 0});
        int scale = 0;
        long depth = 0;
        boolean under = false;
        for (Plan.Step st : plan.steps()) {
            tick.run();
            Map<Long, double[]> next = new HashMap<>(Math.max(16, 2 * states.size()));
            long own = st.own() >= 0 ? 1L << st.own() : 0;
            for (Map.Entry<Long, double[]> e : states.entrySet()) {
                long s = e.getKey();
                double[] v = e.getValue();
                if ((s & own) != 0) {
                    add(next, s & ~own, v[0], v[1]);
                    continue;
                }
                for (int k = 0; k < st.partners().length; k++) {
                    long bit = 1L << st.partners()[k];
                    if ((s & bit) != 0) continue;
                    double x = a[st.entries()[k]];
                    double p = v[0] * x, pa = v[1] * Math.abs(x);
                    under |= tiny(v[1], x, pa);
                    add(next, s | bit, p, pa);
                }
                if (st.loop() >= 0) {
                    double x = a[st.loop()];
                    double p = v[0] * x, pa = v[1] * Math.abs(x);
                    under |= tiny(v[1], x, pa);
                    add(next, s, p, pa);
                }
            }
            if (st.closing() != 0) {
                Map<Long, double[]> closed = new HashMap<>();
                for (Map.Entry<Long, double[]> e : next.entrySet()) {
                    if ((e.getKey() & st.closing()) == st.closing()) {
                        double[] v = e.getValue();
                        double[] prev = closed.put(e.getKey() & ~st.closing(), v);
                        if (prev != null) throw new IllegalStateException("closing merged two states");
                    }
                }
                next = closed;
            }
            int cMax = 1;
            double max = 0;
            for (double[] v : next.values()) {
                cMax = Math.max(cMax, (int) v[2]);
                max = Math.max(max, v[1]);
            }
            depth += 2 + cMax; // +1 for the rescaling, which may round a value in the subnormal range (error ≤ u·its abs value)
            if (max > 0 && Double.isFinite(max)) {
                int e = Math.getExponent(max);
                for (double[] v : next.values()) {
                    v[0] = Math.scalb(v[0], -e);
                    v[1] = Math.scalb(v[1], -e);
                    v[2] = 0;
                    // A value pushed into the subnormal range by the rescaling would be rounded: flag it.
                    under |= v[1] != 0 && v[1] < 0x1p-1000;
                }
                scale += e;
            }
            states = next;
            if (states.isEmpty()) break;
        }
        double[] v = states.get(0L);
        return v == null ? new Result(0, 0, scale, depth, under) : new Result(v[0], v[1], scale, depth, under);
    }

    private static boolean tiny(double absValue, double x, double product) {
        return absValue != 0 && x != 0 && product < 0x1p-1000;
    }

    /** Adds a contribution, counting contributions per state in slot 2. */
    private static void add(Map<Long, double[]> m, long s, double v, double abs) {
        double[] cur = m.get(s);
        if (cur == null) m.put(s, new double[] {v, abs, 1});
        else {
            cur[0] += v;
            cur[1] += abs;
            cur[2]++;
        }
    }
}
