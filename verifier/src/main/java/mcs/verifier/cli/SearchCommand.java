package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.spi.Property;
import mcs.problems.spi.PropertyResult;
import mcs.verifier.search.Found;
import mcs.verifier.search.Search;
import mcs.verifier.search.SearchConfig;
import mcs.verifier.search.corpus.Corpus;
import mcs.verifier.search.gen.FamilyGen;
import mcs.verifier.search.gen.Gen;
import mcs.verifier.search.gen.Generators;
import mcs.verifier.search.property.KernelOracle;
import mcs.verifier.search.property.Properties;
import mcs.verifier.search.shrink.Mc1Shrinks;
import mcs.verifier.search.shrink.Shrinker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs search PROPERTY}: property-based counterexample search with shrinking; finds go to the corpus. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        description = {
            "Looks for a counterexample to PROPERTY on generated instances, shrinks it to a local minimum and saves it",
            "to the corpus. Properties: soundness:<solver>, agrees:<solver>, bound:<estimator>,",
            "conjecture:local-psd-implies-completable, and user properties from --plugin jars.",
            "The same --seed gives the same counterexample for any --threads (with --tries; with --timeout as long as",
            "the tries below it finish in time). Exit 0: nothing found; 3: counterexample found (files named);",
            "4: a --min-coverage requirement was not met; 2: usage."
        })
final class SearchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROPERTY", description = "The property, e.g. agrees:local-checks.")
    String propertyName;

    @Option(names = "--family", paramLabel = "NAME", description = "Generate from this family only (see 'mcs generate --list'); default: edge cases plus families.")
    String family;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE", description = "Family parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--n", paramLabel = "N|A..B", description = "Orders drawn: up to N, or A..B (default 3..8 for MC1, 1..6 otherwise); small orders are favoured.")
    String orders;

    @Option(names = "--tries", paramLabel = "N", description = "Try budget (default 1000 unless --timeout is given).")
    Long tries;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = Timeouts.WHOLE_RUN + " Counts the finding only: shrinking has its own budget.")
    double timeout;

    /** The name before release 0.2 (every other command said --timeout); hidden, and kept for one release. */
    @Option(names = "--time", paramLabel = "S", hidden = true)
    Double oldTimeName;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the run. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "Worker threads (the result does not depend on them). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--replay", paramLabel = "TRY_SEED", description = "Re-check the one try with this try seed (printed with every find) and shrink it if it fails.")
    Long replay;

    @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "proofs-data/counterexamples", description = "Corpus folder. Default: ${DEFAULT-VALUE}.")
    Path corpus;

    @Option(names = "--no-save", description = "Do not write the counterexample to the corpus.")
    boolean noSave;

    @Option(names = "--plugin", paramLabel = "JAR", description = "Jar with user properties or solvers (META-INF/services), repeatable.")
    List<Path> plugins = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "NAMES", split = ",", description = "Reference solvers, in order (default chordal,local-checks,ipm,ryser-exact,brute-force,hafnian-brute-force).")
    List<String> reference;

    @Option(names = "--shrink-budget", defaultValue = "5000", description = "Property checks allowed for shrinking. Default: ${DEFAULT-VALUE}.")
    int shrinkBudget;

    @Option(names = "--targeted", description = "Hill-climb on the property's score, starting from the corpus entries of this property.")
    boolean targeted;

    @Option(names = "--climb-steps", defaultValue = "30", description = "Steps per climb in --targeted mode (a climb is one try). Default: ${DEFAULT-VALUE}.")
    int climbSteps;

    @Option(names = "--min-coverage", paramLabel = "LABEL=FRACTION", description = "Fail (exit 4) when fewer tries than this carry the label, e.g. non-chordal=0.2 (repeatable).")
    Map<String, Double> minCoverage = new LinkedHashMap<>();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) throw new UsageException("--threads must be >= 1");
        if (tries != null && tries < 1) throw new UsageException("--tries must be >= 1");
        if (oldTimeName != null && timeout == 0) timeout = oldTimeName;
        Timeouts.check(timeout);
        Double time = timeout > 0 ? timeout : null;
        Properties props;
        try {
            props = Properties.load(plugins);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            Property property;
            try {
                property = props.resolve(propertyName);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            SearchConfig config = config(property, err);
            KernelOracle oracle = reference == null ? KernelOracle.defaults(props.solvers()) : new KernelOracle(props.solvers(), reference, 20);
            err.printf("search: %s on %s, orders %d..%d, seed %d, %s, %d thread(s)%n", property.name(), config.generatorName(), config.nMin(), config.nMax(), seed,
                    time != null ? time + " s" : config.maxTries() + " tries", threads);
            err.flush();
            if (replay != null) return replay(config, oracle, out, err);
            Search.Outcome o = Search.run(config, oracle, err);
            if (o.found().isPresent()) {
                report(config, o.found().get(), out);
                out.println();
                o.statistics().print(out);
                out.flush();
                return ExitCodes.REJECTED;
            }
            out.printf("no counterexample to %s in %d tries (%.2f s%s)%n", property.name(), o.statistics().tries(), o.seconds(), o.timedOut() ? ", time budget reached" : "");
            o.statistics().print(out);
            List<String> coverage = o.statistics().coverageFailures(config.minCoverage());
            coverage.forEach(c -> out.println("coverage: " + c));
            out.flush();
            return coverage.isEmpty() ? ExitCodes.OK : ExitCodes.LIMIT;
        } finally {
            props.close();
        }
    }

    private SearchConfig config(Property property, PrintWriter err) {
        Gen<Instance> gen;
        String genName;
        if (family != null) {
            Family f = Families.byName(family).orElseThrow(() -> new UsageException("unknown family '" + family + "'; see 'mcs generate --list'"));
            if (f.problem() != property.problem() && !(property.problem() == mcs.problems.instance.Problem.PERMANENT_ESTIMATE && f.problem() == mcs.problems.instance.Problem.PERMANENT)) {
                throw new UsageException("family " + family + " makes " + f.problem().id() + " instances but " + property.name() + " is about " + property.problem().id());
            }
            try {
                f.generate(f.defaultN(), 1, params);
            } catch (IllegalArgumentException e) {
                throw new UsageException(family + ": " + e.getMessage());
            }
            gen = FamilyGen.of(f, params).map(i -> Generators.asProblem(i, property.problem()));
            StringBuilder g = new StringBuilder("--family " + family);
            params.forEach((k, v) -> g.append(" -P ").append(k).append('=').append(v));
            genName = g.toString();
        } else {
            try {
                gen = Generators.defaultFor(property.problem());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            genName = Generators.DEFAULT_NAME;
        }
        int[] range = orders(property.problem() == mcs.problems.instance.Problem.PSD_COMPLETION ? 3 : 1, property.problem() == mcs.problems.instance.Problem.PSD_COMPLETION ? 8 : 6);
        List<Instance> starts = List.of();
        if (targeted) {
            starts = Corpus.instances(corpus, property.name());
            err.printf("search: targeted, %d start point(s) from %s%n", starts.size(), corpus);
        }
        long budget = tries != null ? tries : timeout > 0 ? Long.MAX_VALUE : 1000;
        return new SearchConfig(property, genName, gen, seed, range[0], range[1], budget, timeout, threads, shrinkBudget, targeted, climbSteps,
                starts, minCoverage);
    }

    private int[] orders(int defMin, int defMax) {
        if (orders == null) return new int[] {defMin, defMax};
        try {
            String[] p = orders.split("\\.\\.");
            int a = p.length == 2 ? Integer.parseInt(p[0].trim()) : Math.min(defMin, Integer.parseInt(p[0].trim()));
            int b = Integer.parseInt(p[p.length - 1].trim());
            if (p.length > 2 || a < 1 || b < a) throw new NumberFormatException();
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new UsageException("--n must be N or A..B with 1 <= A <= B, got '" + orders + "'");
        }
    }

    private int replay(SearchConfig config, KernelOracle oracle, PrintWriter out, PrintWriter err) throws IOException {
        Instance inst = Search.generate(config, replay);
        PropertyResult r = Search.check(config.property(), inst, oracle);
        if (!r.failed()) {
            out.printf("try seed %d: %s passes (%s)%s%n", replay, config.property().name(), r.outcome(), r.message().isEmpty() ? "" : ": " + r.message());
            out.flush();
            return ExitCodes.OK;
        }
        long s0 = System.nanoTime();
        Shrinker.Shrunk s = new Shrinker(Search.safe(config.property()), oracle, config.shrinkBudget(), Long.MAX_VALUE).shrink(inst, r);
        report(config, new Found(-1, replay, inst, r, s, 0, (System.nanoTime() - s0) / 1e9), out);
        out.flush();
        return ExitCodes.REJECTED;
    }

    private void report(SearchConfig c, Found f, PrintWriter out) throws IOException {
        Shrinker.Shrunk s = f.shrunk();
        out.printf("counterexample to %s%s (try seed %d)%n", c.property().name(), f.tryIndex() >= 0 ? " at try " + f.tryIndex() : "", f.trySeed());
        out.printf("  reason:   %s%n", s.result().message());
        out.printf("  original: n = %d, m = %d%s%n", f.original().n(), f.original().m(), f.tryIndex() >= 0 ? String.format(", found in %.2f s", f.findSeconds()) : "");
        out.printf("  shrunk:   n = %d, m = %d after %d steps (%d checks, %.2f s%s)%n", s.instance().n(), s.instance().m(), s.steps().size(), s.evaluations(),
                f.shrinkSeconds(), s.localMinimum() ? ", local minimum" : ", budget reached");
        for (String step : s.steps()) out.printf("            %s%n", step);
        if (s.instance() instanceof Mc1Instance m && m.n() <= 12) {
            for (var row : Mc1Shrinks.full(m.matrix())) out.printf("    %s%n", String.join("  ", Arrays.stream(row).map(v -> v == null ? "?" : v.toString()).toList()));
        }
        if (!s.result().verdicts().isEmpty()) out.printf("  verdicts: %s%n", s.result().verdicts());
        if (!noSave) {
            Corpus.Saved saved = Corpus.save(corpus, c, f, Arrays.asList(new Version().getVersion()));
            out.printf("  instance: %s%n", saved.instance());
            out.printf("  record:   %s%n", saved.json());
            if (saved.certificate() != null) out.printf("  certificate: %s (kernel: %s)%n", saved.certificate(), saved.kernel());
        }
        out.printf("  replay:   %s%n", c.replayCommand(f.trySeed()));
    }
}
