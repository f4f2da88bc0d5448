package mcs.solvers.engine.frontier;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link Plan} exactly over the Gaussian integers: the value is Σ over the complete matchings the plan
 * describes of the product of their entries. Entries are given by index (real and imaginary parts; the
 * imaginary array is null for real input). O(Σ_steps states·(partners + 1)) big-integer products, at most
 * 2^F states per step.
 */
public final class ExactDp {
    private ExactDp() {}

    /** {re, im} of the value (im is zero for real input). */
    public static BigInteger[] run(Plan plan, BigInteger[] re, BigInteger[] im, Runnable tick) {
        Map<Long, BigInteger[]> states = new HashMap<>();
        states.put(0L, new BigInteger[] {BigInteger.ONE, BigInteger.ZERO});
        for (Plan.Step st : plan.steps()) {
            tick.run();
            Map<Long, BigInteger[]> next = new HashMap<>(Math.max(16, 2 * states.size()));
            long own = st.own() >= 0 ? 1L << st.own() : 0;
            for (Map.Entry<Long, BigInteger[]> e : states.entrySet()) {
                long s = e.getKey();
                BigInteger[] v = e.getValue();
                if ((s & own) != 0) {
                    add(next, s & ~own, v);
                    continue;
                }
                for (int k = 0; k < st.partners().length; k++) {
                    long bit = 1L << st.partners()[k];
                    if ((s & bit) == 0) add(next, s | bit, times(v, re, im, st.entries()[k]));
                }
                if (st.loop() >= 0) add(next, s, times(v, re, im, st.loop()));
            }
            if (st.closing() != 0) {
                Map<Long, BigInteger[]> closed = new HashMap<>();
                for (Map.Entry<Long, BigInteger[]> e : next.entrySet()) {
                    if ((e.getKey() & st.closing()) == st.closing()) add(closed, e.getKey() & ~st.closing(), e.getValue());
                }
                next = closed;
            }
            states = next;
            if (states.isEmpty()) break;
        }
        BigInteger[] v = states.get(0L);
        return v == null ? new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO} : v;
    }

    private static BigInteger[] times(BigInteger[] v, BigInteger[] re, BigInteger[] im, int k) {
        BigInteger a = re[k], b = im == null ? BigInteger.ZERO : im[k];
        if (b.signum() == 0) return new BigInteger[] {v[0].multiply(a), v[1].multiply(a)};
        return new BigInteger[] {v[0].multiply(a).subtract(v[1].multiply(b)), v[0].multiply(b).add(v[1].multiply(a))};
    }

    private static void add(Map<Long, BigInteger[]> m, long s, BigInteger[] v) {
        if (v[0].signum() == 0 && v[1].signum() == 0) return;
        m.merge(s, v, (x, y) -> new BigInteger[] {x[0].add(y[0]), x[1].add(y[1])});
    }
}
