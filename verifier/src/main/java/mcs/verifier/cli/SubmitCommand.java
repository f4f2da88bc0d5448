package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Sandbox;
import mcs.verifier.submit.ClaimCheck;
import mcs.verifier.submit.SubmissionCheck;
import mcs.verifier.submit.Submission;
import mcs.verifier.submit.SubmissionReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs submit check DESCRIPTOR}: checks a prize submission and writes its report. */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Checks submissions (claims with certificates, and solvers).",
        subcommands = {SubmitCommand.Check.class, SubmitSendCommand.class, SubmitStatusCommand.class})
final class SubmitCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("give a subcommand: check, send or status (see 'mcs submit --help')");
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Verifies every claim of a submission descriptor (format mcs-submission/1, schema in docs/schema/) with the kernel and,",
        "for a submitted solver, runs it on the record's tiny tier through the arena and searches it property-based,",
        "then writes submission-report.json and submission-report.html.",
        "Exit 0 when everything is ACCEPTED, 3 when anything is REJECTED, 4 when something is UNVERIFIED (and nothing rejected), 2 on a bad descriptor."
    })
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DESCRIPTOR", description = "The submission descriptor (JSON).")
        Path descriptor;

        @Option(names = "--out", paramLabel = "DIR", description = "Where the report is written. Default: the descriptor's folder.")
        Path out;

        @Option(names = "--record", paramLabel = "DIR", defaultValue = "proofs-data", description = "The record whose tiers a submitted solver is run on. Default: ${DEFAULT-VALUE}.")
        Path record;

        @Option(names = "--json", description = "Print the report as JSON on stdout.")
        boolean json;

        @Option(names = "--isolation", paramLabel = "bwrap|none", defaultValue = "bwrap", description = {
            "How the submitted solver's runs are isolated. Default: ${DEFAULT-VALUE} (bubblewrap sandbox; refused where it cannot start).",
            "'none' runs the submitted code with your rights; the report says so."})
        String isolation;

        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Isolation iso = Isolations.parse(isolation);
            Submission s = Submission.read(descriptor);
            // Refused before anything runs or is written when the sandbox cannot start here.
            if (s.solver() != null) Sandbox.require(iso);
            Path base = descriptor.toAbsolutePath().getParent();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = out != null ? out : base;
            SubmissionReport report = SubmissionCheck.judge(s, base, record, dir.resolve("solver-examination"), err, iso);
            List<ClaimCheck.Result> results = report.claims();
            SubmissionReport.SolverFindings solver = report.solver();
            List<Path> written = report.write(dir);
            PrintWriter o = spec.commandLine().getOut();
            if (json) {
                o.println(report.json());
            } else {
                for (ClaimCheck.Result r : results) o.printf("%-10s %-20s %s: %s%n", r.outcome(), r.id(), r.instance(), r.reason());
                if (solver != null) {
                    o.printf("%-10s solver %s (isolation %s): %s%n", solver.outcome(), solver.name(), iso.id(), solver.reason());
                    for (String f : solver.findings()) o.printf("           %s%n", f);
                }
                o.printf("%s; report: %s, %s%n", report.verdict(), written.get(0), written.get(1));
            }
            o.flush();
            return switch (report.verdict()) {
                case ACCEPTED -> ExitCodes.OK;
                case REJECTED -> ExitCodes.REJECTED;
                case UNVERIFIED -> ExitCodes.LIMIT;
            };
        }
    }
}
