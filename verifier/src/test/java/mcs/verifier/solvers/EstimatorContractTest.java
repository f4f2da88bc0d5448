package mcs.verifier.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverKind;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Solvers;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.ModularPermanent;
import mcs.verifier.kernel.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Every {@code permanent-estimate} solver, found through ServiceLoader, on ARC's seeded random families:
 * it answers or declines (UNSUPPORTED) honestly, never claims to be exact, the kernel scores its
 * certificate as an estimate (UNVERIFIED, never REJECTED), and stated bounds contain the permanent the
 * kernel recomputes.
 */
class EstimatorContractTest {
    private static final List<String> FAMILIES = List.of("perm-01", "perm-pm1", "perm-gaussian", "perm-exponential", "perm-wishart");

    @Test
    void estimatorsOnTheRandomFamilies() {
        List<Solver> estimators = Solvers.forProblem(Problem.PERMANENT_ESTIMATE);
        assertTrue(estimators.size() >= 11, "estimators installed: " + estimators.stream().map(Solver::name).toList());
        int answered = 0;
        for (String fam : FAMILIES) {
            for (long seed = 1; seed <= 3; seed++) {
                PermInstance p = (PermInstance) Families.byName(fam).orElseThrow().generate(5, seed, Map.of()).instance();
                PermInstance inst = new PermInstance(Problem.PERMANENT_ESTIMATE, p.field(), p.re(), p.im());
                Rational perm = ModularPermanent.permanent(inst.re());
                for (Solver s : estimators) {
                    String where = s.name() + " on " + fam + " seed " + seed;
                    assertEquals(SolverKind.HEURISTIC, s.kind());
                    SolverResult r = s.solve(inst, "ab".repeat(32), SolverOptions.defaults().withSeed(seed).withExtra(Map.of("samples", "500")));
                    assertEquals(s.accepts(inst), r.status() == Status.SOLVED, where + ": " + r.message());
                    if (r.status() != Status.SOLVED) continue;
                    answered++;
                    assertFalse(r.exact(), where);
                    Judgement j = Kernel.check(inst, "ab".repeat(32), r.certificate(), KernelOptions.defaults());
                    assertEquals(Outcome.UNVERIFIED, j.outcome(), where + ": " + j.reason());
                    assertEquals("estimate", j.check(), where);
                    Object lo = r.statistics().get("lower"), hi = r.statistics().get("upper");
                    if (lo != null) assertTrue(Rational.parse(lo.toString()).compareTo(perm) <= 0, where + ": lower " + lo + " > " + perm);
                    if (hi != null) assertTrue(Rational.parse(hi.toString()).compareTo(perm) >= 0, where + ": upper " + hi + " < " + perm);
                }
            }
        }
        assertTrue(answered >= FAMILIES.size() * 3 * 7, "answers: " + answered);
    }

    /** The hafnian estimator is scored the same way on the all-ones family (SPEC §6: order 2 on J_8 gives 25). */
    @Test
    void cumulantPropagationOnHafOnes() {
        Solver s = Solvers.byName("cumulant-propagation", Problem.HAFNIAN_ESTIMATE).orElseThrow();
        PermInstance ones = (PermInstance) Families.byName("haf-ones").orElseThrow().generate(8, 1, Map.of()).instance();
        PermInstance inst = new PermInstance(Problem.HAFNIAN_ESTIMATE, ones.field(), ones.re(), ones.im());
        SolverResult r = s.solve(inst, null, SolverOptions.defaults());
        assertEquals("25", r.value());
        Judgement j = Kernel.check(inst, null, r.certificate(), KernelOptions.defaults());
        assertEquals(Outcome.UNVERIFIED, j.outcome(), j.reason());
    }
}
