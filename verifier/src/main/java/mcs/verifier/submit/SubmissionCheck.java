package mcs.verifier.submit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mcs.verifier.kernel.KernelOptions;

/**
 * Judges a whole submission: every claim with the kernel ({@link ClaimCheck}), then a submitted solver
 * through the arena and the search ({@link SolverExamination}). The one path that both
 * {@code mcs submit check} and the submission service ({@code mcs serve}, {@code mcs worker}) take.
 */
public final class SubmissionCheck {
    private SubmissionCheck() {}

    /**
     * @param base the descriptor's folder (claims' instances are reported relative to it)
     * @param record the record whose tiers a submitted solver is run on
     * @param work where a solver's examination writes (arena results, counterexamples)
     * @param err progress, one line per claim and stage
     */
    public static SubmissionReport judge(Submission s, Path base, Path record, Path work, PrintWriter err) throws IOException {
        long t0 = System.nanoTime();
        List<ClaimCheck.Result> results = new ArrayList<>();
        for (int k = 0; k < s.claims().size(); k++) {
            Submission.Claim c = s.claims().get(k);
            err.printf("mcs submit: claim %d/%d %s ...%n", k + 1, s.claims().size(), c.id());
            err.flush();
            results.add(ClaimCheck.check(c, base, KernelOptions.defaults()));
        }
        SubmissionReport.SolverFindings solver = s.solver() == null ? null : SolverExamination.examine(s, record, work, err);
        return new SubmissionReport(s, results, solver, (System.nanoTime() - t0) / 1e9);
    }
}
