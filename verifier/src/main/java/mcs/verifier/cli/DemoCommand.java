package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mcs.problems.cert.Certificate;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.spi.SolverOptions;
import mcs.problems.spi.SolverResult;
import mcs.problems.spi.Status;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcs demo}: the end-to-end tour on the built-in examples. For each instance listed in
 * {@code DIR/expected.csv}: solve with {@code auto}, write the certificate, read it back from disk and
 * verify it with the kernel, and compare the verdict with the known answer. Exit 0 only if every row
 * matches and every certificate is accepted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
    "Solves and verifies the example instances end to end (default: proofs-data/examples), comparing with their known answers."
})
final class DemoCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder with instances and expected.csv. Default: proofs-data/examples.")
    Path dir = Path.of("proofs-data", "examples");

    @Option(names = "--out", paramLabel = "DIR", description = "Where certificates are written. Default: a fresh temporary folder.")
    Path outDir;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "0", description = Timeouts.PER_INSTANCE)
    double timeout;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    record Row(String file, String expected, String note) {}

    @Override
    public Integer call() throws IOException {
        Timeouts.check(timeout);
        Path index = dir.resolve("expected.csv");
        if (!Files.isRegularFile(index)) throw new UsageException("no " + index + " (run from the repository root, or give DIR)");
        List<Row> rows = readIndex(index);
        Path certs = outDir != null ? Files.createDirectories(outDir) : Files.createTempDirectory("mcs-demo");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-34s %-20s %-16s %-26s %-10s %s%n", "INSTANCE", "PROBLEM", "SOLVER", "ANSWER", "KERNEL", "EXPECTED");
        int bad = 0, unknown = 0;
        for (Row row : rows) {
            Path file = dir.resolve(row.file());
            LoadedInstance li = InstanceReader.read(file, null);
            var chosen = SolveRunner.select("auto", li.instance());
            var o = SolveRunner.run(chosen, li, SolverOptions.defaults(), timeout, KernelOptions.defaults());
            SolverResult r = o.result();
            String answer = r.value() != null ? r.value() : r.verdict().name();
            String kernel = "-";
            if (r.status() == Status.SOLVED) {
                Path cert = certs.resolve(row.file().replaceAll("[^A-Za-z0-9._-]", "_") + ".cert.json");
                CertificateJson.write(cert, r.certificate());
                Certificate back = CertificateJson.read(cert);
                Judgement j = Kernel.check(InstanceReader.read(file, null).instance(), li.sha256(), back, KernelOptions.defaults());
                kernel = j.outcome().name();
            }
            // UNKNOWN is an honest answer, not a wrong one; a wrong verdict or a rejected certificate is.
            boolean honest = r.status() == Status.UNKNOWN;
            boolean ok = honest || answer.equals(row.expected()) && "ACCEPTED".equals(kernel);
            if (!ok) bad++;
            if (honest) unknown++;
            out.printf("%-34s %-20s %-16s %-26s %-10s %s%s%n", row.file(), li.instance().problem().id(), r.solver(), answer, kernel, row.expected(), ok ? "" : "   <-- WRONG");
        }
        out.printf("%n%d instances: %d answered and verified as expected, %d UNKNOWN (honest), %d wrong; certificates in %s%n",
                rows.size(), rows.size() - bad - unknown, unknown, bad, certs);
        out.flush();
        return bad == 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }

    private static List<Row> readIndex(Path index) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        for (int k = 1; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",", 3);
            if (f.length < 2) throw new InputException(index.toString(), k + 1, "expected 'file,expected[,note]'");
            rows.add(new Row(f[0].strip(), f[1].strip(), f.length > 2 ? f[2].strip() : ""));
        }
        return rows;
    }
}
