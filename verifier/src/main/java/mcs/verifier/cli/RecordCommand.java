package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.KernelOptions;
import mcs.verifier.record.Checksums;
import mcs.verifier.record.IndexCsv;
import mcs.verifier.record.LibraryBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs record}: maintains the proofs-data record (regenerate it, or re-hash it after adding files). */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Maintains the record folder (proofs-data): 'build' regenerates it, 'rehash' rewrites SHA256SUMS.",
        subcommands = {RecordCommand.Build.class, RecordCommand.Rehash.class})
final class RecordCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("give a subcommand: build or rehash (see 'mcs record --help')");
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = {
        "Regenerates DIR/tiny and DIR/public from the seeded families, certificates for DIR/examples, index.csv and SHA256SUMS.",
        "Every certificate is checked by the kernel and against the known answer before it is recorded; the corpus of counterexamples is kept."
    })
    static final class Build implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The record folder. Default: proofs-data.")
        Path dir = Path.of("proofs-data");

        @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = Timeouts.PER_INSTANCE)
        double timeout;

        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Timeouts.check(timeout);
            PrintWriter out = spec.commandLine().getOut();
            LibraryBuilder.Solve solve = li -> {
                var o = SolveRunner.run(SolveRunner.select("auto", li.instance()), li, SolverOptions.defaults(), timeout, KernelOptions.defaults());
                if (o.result() == null || o.result().status() != Status.SOLVED) return null;
                return new LibraryBuilder.Solved(o.result().certificate(), o.result().solver());
            };
            var rows = new LibraryBuilder(dir, solve, line -> {
                out.println(line);
                out.flush();
            }).build();
            out.printf("%d items in %s; %s and %s written%n", rows.size(), dir, IndexCsv.FILE, Checksums.FILE);
            return ExitCodes.OK;
        }
    }

    @Command(name = "rehash", mixinStandardHelpOptions = true, description = "Rewrites DIR/SHA256SUMS from the files present (after adding reviewed files by hand).")
    static final class Rehash implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The record folder. Default: proofs-data.")
        Path dir = Path.of("proofs-data");

        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Checksums.write(dir);
            spec.commandLine().getOut().printf("%s: %d files%n", dir.resolve(Checksums.FILE), Checksums.files(dir).size());
            return ExitCodes.OK;
        }
    }
}
