package mcs.verifier.submit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.SandboxUnavailableException;

/**
 * Judges a whole submission: every claim with the kernel ({@link ClaimCheck}), then a submitted solver
 * through the arena and the search ({@link SolverExamination}), every run of it in the sandbox. The one path
 * that both {@code mcs submit check} and the submission service ({@code mcs serve}, {@code mcs worker}) take.
 */
public final class SubmissionCheck {
    private SubmissionCheck() {}

    /**
     * @param base the descriptor's folder (claims' instances are reported relative to it)
     * @param record the record whose tiers a submitted solver is run on
     * @param work where a solver's examination writes (arena results, counterexamples)
     * @param err progress, one line per claim and stage
     * @param isolation how the submitted solver's runs are isolated, recorded in the report. Where the
     *     sandbox cannot start, the solver is not run and its section is UNVERIFIED with the one-line refusal
     *     (the command line refuses earlier, before writing anything; the service records it)
     */
    public static SubmissionReport judge(Submission s, Path base, Path record, Path work, PrintWriter err, Isolation isolation) throws IOException {
        long t0 = System.nanoTime();
        List<ClaimCheck.Result> results = new ArrayList<>();
        for (int k = 0; k < s.claims().size(); k++) {
            Submission.Claim c = s.claims().get(k);
            err.printf("mcs submit: claim %d/%d %s ...%n", k + 1, s.claims().size(), c.id());
            err.flush();
            results.add(ClaimCheck.check(c, base, KernelOptions.defaults(), s.checks().certificateCapBytes()));
        }
        SubmissionReport.SolverFindings solver = null;
        if (s.solver() != null) {
            try {
                solver = SolverExamination.examine(s, record, work, err, isolation);
            } catch (SandboxUnavailableException e) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("isolation", isolation.id());
                solver = new SubmissionReport.SolverFindings(s.solver().name(), Outcome.UNVERIFIED, e.getMessage(), List.of(), details);
            }
        }
        return new SubmissionReport(s, results, solver, (System.nanoTime() - t0) / 1e9, isolation.id());
    }
}
