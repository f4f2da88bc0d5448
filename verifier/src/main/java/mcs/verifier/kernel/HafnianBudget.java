package mcs.verifier.kernel;

import java.util.Locale;
import mcs.problems.instance.PermInstance;

/**
 * How much exact recomputation the kernel spends on a hafnian or loop hafnian ({@link RecursiveHafnian}): an order
 * budget of {@link KernelOptions#permanentMaxN()} + 10 (the recursion's n²·2^(n/2) per prime at that order
 * costs about what Glynn's n·2^(n−1) costs for a permanent at the permanent budget), and a work budget of
 * 12·m·2^(m−1) modular products for m = permanentMaxN (twelve primes of a permanent at the budget order, about
 * 30 s of one core on this machine kind), against {@link RecursiveHafnian#work} per prime and part,
 * since long decimals need many primes and complex input two evaluations per prime. Both grow with
 * {@code --perm-max-n}.
 */
final class HafnianBudget {
    private HafnianBudget() {
    }

    /** Why the recomputation is over budget, or null when it is within. */
    static String exceeded(PermInstance inst, boolean loop, KernelOptions opts) {
        int n = inst.n();
        int maxN = opts.permanentMaxN() + 10;
        String what = loop ? "loop hafnian" : "hafnian";
        if (n > maxN) {
            return "n = " + n + " exceeds the exact " + what + " recomputation budget of " + maxN + " (--perm-max-n + 10)";
        }
        RecursiveHafnian.Scaled s = RecursiveHafnian.scale(inst.re(), inst.im(), loop);
        int primes = ModularEvaluation.primesFor(s.bound());
        int parts = inst.im() == null ? 1 : 2;
        double work = primes * parts * RecursiveHafnian.work(n, loop);
        int m = opts.permanentMaxN();
        double limit = 12.0 * m * Math.pow(2, m - 1);
        if (work > limit) {
            return String.format(Locale.ROOT, "recomputing the %s exactly needs %d primes x %d part%s x about %.2g modular products "
                    + "(%.2g in all), above the kernel's work budget of %.2g (raise --perm-max-n)", what, primes, parts, parts == 1 ? "" : "s",
                    RecursiveHafnian.work(n, loop), work, limit);
        }
        return null;
    }
}
