package mcs.verifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mcs.problems.cert.Certificate;
import mcs.problems.exact.Rational;
import java.util.Map;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.kernel.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs verify FILE CERT}: the judge. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a certificate against an instance with the exact kernel (SPEC §2, §4).",
            "Exit code 0 when ACCEPTED, 3 when REJECTED (including a malformed certificate), 4 when UNVERIFIED within the kernel's budget,", "2 on a bad instance file or options."
        })
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The instance the certificate is about.")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CERT", description = "The certificate (JSON, SPEC §3.2).")
    Path cert;

    @Option(names = "--all", paramLabel = "DIR", description = "Instead of FILE CERT: re-verify a whole record folder (e.g. proofs-data): every checksum of SHA256SUMS, then every row of index.csv against the kernel and its known answer.")
    Path all;

    @Option(names = "--tier", paramLabel = "TIER", description = "With --all: check only the rows of these tiers (repeatable; checksums are always checked). Default: every tier.")
    java.util.Set<String> tiers = new java.util.LinkedHashSet<>();

    @Option(names = "--problem", paramLabel = "NAME", description = "Override the inferred problem of FILE.")
    String problem;

    // One constant per default, for picocli (defaultValue) and for the fields' initial values, which are what
    // Main's fast path runs with (it skips picocli); VerifyFastPathTest checks that both paths agree.
    private static final String DEFAULT_TOLERANCE = "0";
    private static final int DEFAULT_PERM_MAX_N = 26;
    private static final int DEFAULT_TIME_BUDGET = 600;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = DEFAULT_TOLERANCE, description = "τ of SPEC §2.5: accept when X + τ·max a_ii·I is certified PSD. Default: ${DEFAULT-VALUE} (exact).")
    String tolerance = DEFAULT_TOLERANCE;

    @Option(names = "--perm-max-n", paramLabel = "N", defaultValue = "" + DEFAULT_PERM_MAX_N, description = "Largest order whose permanent is recomputed exactly; (loop) hafnians get N + 10 and a work budget that grows with N. Default: ${DEFAULT-VALUE}.")
    int permMaxN = DEFAULT_PERM_MAX_N;

    @Option(names = "--time-budget", paramLabel = "S", defaultValue = "" + DEFAULT_TIME_BUDGET, description = "Wall-clock budget of one check in seconds; beyond it the verdict is UNVERIFIED (check 'budget'). 0: none. Default: ${DEFAULT-VALUE}.")
    double timeBudget = DEFAULT_TIME_BUDGET;

    @Option(names = "--json", description = "Print one JSON object: verdict, reason, method, bounds.")
    boolean json;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** Where results go when the command runs without picocli (Main's fast path); null under picocli. */
    private PrintWriter directOut;

    /**
     * {@code mcs verify FILE CERT} with every option at its default, without building picocli's model of the
     * command (about half of a short verify's start-up). Main takes this path only for exactly two operands that
     * picocli would read as plain paths; the result, output and exit code are those of the picocli path
     * (VerifyFastPathTest compares them).
     */
    static VerifyCommand direct(Path file, Path cert, PrintWriter out) {
        VerifyCommand c = new VerifyCommand();
        c.file = file;
        c.cert = cert;
        c.directOut = out;
        return c;
    }

    private PrintWriter out() {
        return directOut != null ? directOut : spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        Rational tau;
        try {
            tau = Rational.parse(tolerance);
        } catch (NumberFormatException e) {
            throw new UsageException("--tolerance: " + e.getMessage());
        }
        if (tau.signum() < 0) throw new UsageException("--tolerance must be >= 0, got " + tolerance);
        if (permMaxN < 1) throw new UsageException("--perm-max-n must be >= 1");
        if (!(timeBudget >= 0)) throw new UsageException("--time-budget must be >= 0, got " + timeBudget);
        KernelOptions ko = KernelOptions.defaults().withTolerance(tau).withPermanentMaxN(permMaxN).withTimeBudgetSeconds(timeBudget);
        if (all != null) {
            if (file != null) throw new UsageException("give either --all DIR or FILE CERT, not both");
            return RecordReport.verifyAll(out(), json, all, tiers, ko);
        }
        if (file == null || cert == null) throw new UsageException("give FILE and CERT (or --all DIR)");
        LoadedInstance loaded = InstanceReader.read(file, problem == null ? null : SolveCommand.parseProblem(problem));
        Certificate c;
        Judgement j;
        try {
            c = CertificateJson.read(cert);
        } catch (InputException e) {
            // An unreadable file is a usage error; a certificate whose content is malformed is a rejected claim.
            if (e.line() <= 0) throw e;
            c = null;
            j = Judgement.rejected("certificate-syntax", e.oneLine(), Method.EXACT, Map.of("file", e.file(), "line", e.line()));
            Report.verify(out(), json, j, file.toString(), cert.toString());
            return ExitCodes.REJECTED;
        }
        j = Kernel.check(loaded.instance(), loaded.sha256(), c, ko);
        Report.verify(out(), json, j, file.toString(), cert.toString());
        return switch (j.outcome()) {
            case ACCEPTED -> ExitCodes.OK;
            case REJECTED -> ExitCodes.REJECTED;
            case UNVERIFIED -> ExitCodes.LIMIT;
        };
    }
}
