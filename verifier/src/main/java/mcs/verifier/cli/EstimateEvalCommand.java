package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.problems.io.AtomicFile;
import mcs.verifier.estimate.EstimateEvaluation;
import mcs.verifier.estimate.EvalPlot;
import mcs.verifier.estimate.EvalReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcs estimate-eval}: scores the heuristic estimators against exact values over a named random
 * family, sizes and seeds (ARC's evaluation). Markdown table (or JSON) on stdout, one progress line per
 * instance on stderr, an optional SVG/HTML plot. Exit 0 when complete, 2 on usage errors, 4 when the
 * time budget ran out (the partial report is still printed), 1 on internal errors.
 */
@Command(name = "estimate-eval", mixinStandardHelpOptions = true,
        description = {"Evaluates the permanent (or hafnian) estimators against exact values over a family, sizes and seeds:",
            "sign errors, mean log-error, R² of the OLS fit ln|exact| ~ ln|estimate| with bootstrap intervals, bound violations."})
final class EstimateEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FAMILY", description = "A permanent or hafnian family, e.g. perm-gaussian, perm-01, perm-pm1, perm-exponential, perm-wishart.")
    String family;

    @Option(names = "--sizes", paramLabel = "LIST", defaultValue = "6", description = "Orders n: a list (4,6,8) or a range (4..10). Default: ${DEFAULT-VALUE}.")
    String sizes;

    @Option(names = "--seeds", paramLabel = "LIST", defaultValue = "1..10", description = "Seeds: a list or a range. Default: ${DEFAULT-VALUE}.")
    String seeds;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE", description = "Family parameter (repeatable), e.g. -P p=1/3.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--estimators", paramLabel = "LIST", split = ",", description = "Estimators by SPI name (default: every installed one; see mcs solvers).")
    List<String> estimators = new ArrayList<>();

    @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "Option passed to every estimator (repeatable), e.g. -O samples=5000.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--exact", paramLabel = "NAME", defaultValue = EstimateEvaluation.KERNEL,
            description = "Source of exact values: 'kernel' (the verifier's modular recomputation) or an exact solver's SPI name. Default: ${DEFAULT-VALUE}.")
    String exact;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000", description = "Bootstrap resamples for the R² interval. Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--bootstrap-seed", paramLabel = "S", defaultValue = "1", description = "Seed of the bootstrap. Default: ${DEFAULT-VALUE}.")
    long bootstrapSeed;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = Timeouts.WHOLE_RUN + " Exit 4 when reached.")
    double timeout;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the scatter plot: FILE.svg (SVG document) or FILE.html (page with the plot and the table).")
    Path plot;

    @Option(names = "--json", description = "Print JSON (format mcs-estimate-eval/1) instead of the Markdown table.")
    boolean json;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (bootstrap < 0) throw new UsageException("--bootstrap must be >= 0, got " + bootstrap);
        Timeouts.check(timeout);
        String plotName = plot == null ? null : plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (plotName != null && !plotName.endsWith(".svg") && !plotName.endsWith(".html")) {
            throw new UsageException("--plot needs a file name ending in .svg or .html, got " + plot);
        }
        List<Integer> n = new ArrayList<>();
        for (long v : parseList("--sizes", sizes)) {
            if (v < 1 || v > 64) throw new UsageException("--sizes: order " + v + " is outside 1..64");
            n.add((int) v);
        }
        EstimateEvaluation.Config c = new EstimateEvaluation.Config(family, params, n, parseList("--seeds", seeds), estimators, exact,
                options, timeout, bootstrap, bootstrapSeed);
        EstimateEvaluation.Result r;
        try {
            r = EstimateEvaluation.run(c, line -> {
                err.println(line);
                err.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (json) out.println(Report.toJson(EvalReport.json(r)));
        else out.print(EvalReport.markdown(r));
        out.flush();
        if (plot != null) {
            String doc = plotName.endsWith(".svg") ? EvalPlot.svg(r, 900, 600) : EvalPlot.html(r, 900, 600);
            AtomicFile.write(plot, o -> o.write(doc.getBytes(StandardCharsets.UTF_8)));
            err.println("plot written to " + plot);
        }
        if (!r.complete()) {
            err.println("mcs: estimate-eval stopped early: " + r.stopReason());
            return ExitCodes.LIMIT;
        }
        return ExitCodes.OK;
    }

    /** "a,b,c" or "a..b" (inclusive), non-empty, without duplicates. */
    static List<Long> parseList(String option, String text) {
        List<Long> out = new ArrayList<>();
        try {
            String t = text.trim();
            int dots = t.indexOf("..");
            if (dots >= 0) {
                long a = Long.parseLong(t.substring(0, dots).trim()), b = Long.parseLong(t.substring(dots + 2).trim());
                if (b < a || b - a >= 1_000_000) throw new UsageException(option + ": bad range '" + text + "'");
                for (long v = a; v <= b; v++) out.add(v);
            } else {
                for (String part : t.split(",")) out.add(Long.parseLong(part.trim()));
            }
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + text + "' is not a list (4,6,8) or a range (4..8) of integers");
        }
        if (out.stream().distinct().count() != out.size()) throw new UsageException(option + ": '" + text + "' repeats a value");
        return out;
    }
}
