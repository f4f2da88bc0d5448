package mcs.verifier.kernel;

import java.util.Map;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.PermInstance;

/**
 * The judge's kernel: decides whether a certificate proves its claim about an instance. It depends only
 * on the exact types of {@code mcs.problems} and the JDK, never on a solver.
 *
 * <p>Order of checks (the first failure is reported):
 * <ol>
 *   <li>{@code instance-hash}: when the caller passes the instance file's SHA-256, the certificate must
 *       carry the same lower-case hex string. Passing {@code null} skips this check; it is meant for
 *       in-memory use (tests, solvers checking their own output) where no file exists. The command
 *       line always passes the hash of the file it read.
 *   <li>{@code problem}: the certificate's problem must be the instance's.
 *   <li>{@code verdict}: MC1 certificates claim COMPLETABLE (with a completion) or NOT_COMPLETABLE (with a
 *       witness); MC2 and permanent certificates claim SOLVED. A certificate claiming UNKNOWN proves
 *       nothing and is rejected with check {@code verdict}.
 *   <li>{@code form} and the form-specific checks of {@link CompletionCheck}, {@link ChordalCheck} (MC1 YES
 *       hints of form {@code chordal}) and {@link WitnessCheck}.
 * </ol>
 * Every rejection names the failing check, and the entry or index concerned (1-based) in its reason
 * and location. A check that would exceed the kernel's memory or time budget ({@link KernelOptions},
 * {@link Budget}) answers UNVERIFIED with check {@code budget} and the reason, never an
 * OutOfMemoryError. Soundness arguments: see the classes named above, {@link ExactPsd}, {@link SparseExactPsd},
 * {@link RumpTest}, and {@code SOUNDNESS.md} next to this class.
 */
public final class Kernel {
    private Kernel() {}

    /**
     * @param inst the instance
     * @param instanceSha256 SHA-256 (lower-case hex) of the instance file's bytes, or null to skip the check
     * @param cert the certificate
     * @param opts limits and tolerance
     * @return the judgement; never null
     */
    public static Judgement check(Instance inst, String instanceSha256, Certificate cert, KernelOptions opts) {
        long previous = Budget.open(opts.timeBudgetSeconds());
        try {
            return checkWithinBudget(inst, instanceSha256, cert, opts);
        } catch (Budget b) {
            return Judgement.unverified("budget", b.getMessage(), Method.EXACT);
        } catch (OutOfMemoryError oom) {
            // Last resort only: every check estimates what it allocates first (Budget). The failed allocation
            // is released as the stack unwinds, so the judge can go on.
            return Judgement.unverified("budget", "the check ran out of memory (heap limit " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MB): " + oom.getMessage(), Method.EXACT);
        } finally {
            Budget.restore(previous);
        }
    }

    private static Judgement checkWithinBudget(Instance inst, String instanceSha256, Certificate cert, KernelOptions opts) {
        if (instanceSha256 != null && !instanceSha256.equals(cert.instanceSha256())) {
            return Judgement.rejected("instance-hash", "the certificate names instance " + cert.instanceSha256()
                    + " but the instance file has SHA-256 " + instanceSha256, Method.EXACT,
                    Map.of("expected", instanceSha256, "found", String.valueOf(cert.instanceSha256())));
        }
        if (cert.problem() != inst.problem()) {
            return Judgement.rejected("problem", "the certificate is for problem '" + cert.problem()
                    + "' but the instance is '" + inst.problem() + "'");
        }
        if (cert.verdict() == Verdict.UNKNOWN) {
            return Judgement.rejected("verdict", "a certificate with verdict UNKNOWN proves nothing");
        }
        if (inst instanceof Mc1Instance mc1) return checkMc1(mc1, cert, opts);
        if (inst instanceof Mc2Instance mc2) return checkMc2(mc2, cert, opts);
        if (inst instanceof mcs.problems.instance.RepeatedInstance rep) return RepeatedCheck.check(rep, cert, opts);
        PermInstance perm = (PermInstance) inst;
        return PermanentCheck.check(perm, cert, opts);
    }

    private static Judgement checkMc1(Mc1Instance inst, Certificate cert, KernelOptions opts) {
        if (cert.body() == null) return Judgement.rejected("form", "the certificate has no completion or witness body");
        if (cert.verdict() == Verdict.COMPLETABLE && cert.body() instanceof mcs.problems.cert.Body.Chordal ch) return ChordalCheck.check(inst, ch);
        Target target = Target.of(inst);
        return switch (cert.verdict()) {
            case COMPLETABLE -> CompletionCheck.check(target, cert.body(), opts);
            case NOT_COMPLETABLE -> WitnessCheck.check(target, cert.body(), opts);
            default -> Judgement.rejected("verdict", "an MC1 certificate claims COMPLETABLE or NOT_COMPLETABLE, not " + cert.verdict());
        };
    }

    private static Judgement checkMc2(Mc2Instance inst, Certificate cert, KernelOptions opts) {
        if (cert.verdict() != Verdict.SOLVED) {
            return Judgement.rejected("verdict", "an approximate-squaring answer claims SOLVED, not " + cert.verdict());
        }
        if (cert.body() == null) return Judgement.rejected("form", "the certificate has no answer body");
        return CompletionCheck.check(Target.of(inst), cert.body(), opts);
    }
}
