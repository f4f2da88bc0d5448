package mcs.verifier.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Problem;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.spi.Solver;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs solve FILE}: solve, check the certificate with the kernel, report. */
@Command(
        name = "solve",
        mixinStandardHelpOptions = true,
        description = {
            "Solves an instance and checks the solver's certificate with the exact kernel before reporting it.",
            "The problem is inferred from the file (SPEC §3.1) unless --problem is given."
        })
final class SolveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Instance: Matrix Market file, or an MC2 JSON descriptor.")
    Path file;

    @Option(names = "--solver", defaultValue = "auto", description = "Solver name (see 'mcs solvers'); auto tries the applicable solvers, cheapest first. Default: ${DEFAULT-VALUE}.")
    String solver;

    @Option(names = "--problem", paramLabel = "NAME", description = "Override the inferred problem: psd-completion, approximate-squaring, permanent, hafnian, permanent-estimate, hafnian-estimate, loop-hafnian.")
    String problem;

    @Option(names = "--epsilon", paramLabel = "E", description = "The ε of a promise variant (exact number, 0 < ε < 1). Default: the instance header's '%% promise = lambda_min >= E', if any.")
    String epsilon;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = Timeouts.WHOLE_RUN + " Exit code 4 when reached without an answer.")
    double timeout;

    @Option(names = "--certificate", paramLabel = "OUT", description = "Write the certificate (JSON, SPEC §3.2) to OUT.")
    Path certificate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: available cores).")
    Integer threads;

    @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "Solver-specific option (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--json", description = "Print one JSON object (SPEC §5) instead of text.")
    boolean json;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        Timeouts.check(timeout);
        Problem override = problem == null ? null : parseProblem(problem);
        Rational eps = epsilon == null ? null : parseEpsilon(epsilon);
        LoadedInstance loaded = InstanceReader.read(file, override);
        Instance inst = loaded.instance();
        List<Solver> chosen = SolveRunner.select(solver, inst);
        // Without --epsilon, an ε-promise stated in the instance's header is the solver's ε.
        if (eps == null && inst instanceof mcs.problems.instance.Mc1Instance m && m.promise().isPresent()) eps = m.promise().get().epsilon();
        SolverOptions opts = SolverOptions.defaults().withSeed(seed).withEpsilon(eps).withExtra(options);
        if (threads != null) {
            if (threads < 1) throw new UsageException("--threads must be >= 1");
            opts = opts.withThreads(threads);
        }
        SolveRunner.Outcome o = SolveRunner.run(chosen, loaded, opts, timeout, KernelOptions.defaults());
        SolverResult r = o.result();
        boolean rejected = o.judgement() != null && o.judgement().outcome() == Outcome.REJECTED;
        String certPath = null;
        if (certificate != null && r.status() == Status.SOLVED && !rejected) {
            CertificateJson.write(certificate, r.certificate());
            certPath = certificate.toString();
        }
        Report.solve(spec.commandLine().getOut(), json, inst, r, o, certPath, seed);
        if (rejected) {
            spec.commandLine().getErr().println("mcs: internal error: solver " + r.solver()
                    + " produced a certificate the kernel rejects (" + o.judgement().check() + "): " + o.judgement().reason());
            return ExitCodes.INTERNAL;
        }
        return switch (r.status()) {
            case SOLVED, UNKNOWN -> ExitCodes.OK;
            case TIMEOUT -> ExitCodes.LIMIT;
            case UNSUPPORTED -> ExitCodes.INVALID_INPUT;
            case ERROR -> ExitCodes.INTERNAL;
        };
    }

    static Problem parseProblem(String name) {
        try {
            return Problem.fromId(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Rational parseEpsilon(String text) {
        Rational e;
        try {
            e = Rational.parse(text);
        } catch (NumberFormatException ex) {
            throw new UsageException("--epsilon: " + ex.getMessage());
        }
        if (e.signum() <= 0 || e.compareTo(Rational.ONE) >= 0) throw new UsageException("--epsilon must satisfy 0 < ε < 1, got " + text);
        return e;
    }
}
