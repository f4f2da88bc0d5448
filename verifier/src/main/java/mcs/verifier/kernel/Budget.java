package mcs.verifier.kernel;

/**
 * The kernel's memory and time budget. A check that would exceed it throws this exception <em>before</em>
 * it allocates or spends the resources; {@link Kernel#check} turns it into an UNVERIFIED judgement (check
 * {@code budget}) with the reason, so a hostile certificate can make the judge say "I cannot decide this
 * within my budget", never crash it or hold it for hours.
 *
 * <p>Memory: each check that could allocate more than its input's size first computes what it would
 * allocate and compares it with a fixed limit (a dense order, a fill count, a bit count), stated where it
 * is used. Time: {@link Kernel#check} opens a deadline of {@link KernelOptions#timeBudgetSeconds()} for
 * the calling thread and long loops call {@link #tick()} once per row, pivot or column (never per
 * element), which reads the clock.
 */
final class Budget extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {Long.MAX_VALUE});

    /** Largest estimate, in bits, of the integers an exact dense elimination would hold at once (about 512 MB). */
    static final double MAX_ELIMINATION_BITS = 4e9;

    private Budget(String reason) {
        super(reason, null, false, false);
    }

    /** The budget is exceeded: the check cannot be completed. */
    static Budget exceeded(String reason) {
        return new Budget(reason);
    }

    /** Fails when {@code need > limit}, naming what was counted. */
    static void require(double need, double limit, String what) {
        if (need > limit) {
            throw exceeded(what + " would need " + fmt(need) + ", over the kernel's budget of " + fmt(limit));
        }
    }

    /**
     * Fails when exact dense elimination of an order-n matrix whose entries have up to {@code bits} bits would
     * hold more than {@link #MAX_ELIMINATION_BITS} at its peak: about 0.075·n³·(bits + log₂ n) for
     * fraction-free elimination (entries of step k have ≈ k·(bits + log n) bits, (n − k)²/2 of them are live;
     * the product peaks near k = n/3).
     */
    static void requireElimination(int n, long bits) {
        double log = 64 - Long.numberOfLeadingZeros(Math.max(1, n));
        require(0.075 * n * (double) n * n * (bits + log), MAX_ELIMINATION_BITS, "exact elimination of order " + n + " with " + bits + "-bit entries");
    }

    /** Opens a deadline for the current thread; returns the previous one for {@link #restore}. */
    static long open(double seconds) {
        long[] d = DEADLINE.get();
        long previous = d[0];
        d[0] = seconds > 0 ? System.nanoTime() + (long) (seconds * 1e9) : Long.MAX_VALUE;
        return previous;
    }

    static void restore(long previous) {
        DEADLINE.get()[0] = previous;
    }

    /** Deadline check for long loops (once per row, pivot or column): one clock read. */
    static void tick() {
        long end = DEADLINE.get()[0];
        if (end != Long.MAX_VALUE && System.nanoTime() > end) throw exceeded("the check exceeded the kernel's time budget");
    }

    private static String fmt(double x) {
        return x >= 1e6 ? String.format(java.util.Locale.ROOT, "%.3g", x) : Long.toString((long) x);
    }
}
