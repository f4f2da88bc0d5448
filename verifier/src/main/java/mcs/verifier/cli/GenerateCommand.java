package mcs.verifier.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.problems.cert.Certificate;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.families.Parameter;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InstanceWriter;
import mcs.problems.io.Sha256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs generate FAMILY}: writes a reproducible instance of a named family. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an instance of a named, seeded family (same family, size, seed and parameters give byte-identical files).",
            "Use --list to see the families, their parameters and the answers they are known to have."
        })
final class GenerateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FAMILY", description = "Family name (see --list).")
    String family;

    @Option(names = "--n", paramLabel = "N", description = "Size (default: the family's own default).")
    Integer n;

    @Option(names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-P", "--param"}, paramLabel = "KEY=VALUE", description = "Family parameter (repeatable), e.g. -P answer=no.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: stdout; MC2, loop-hafnian and repeated-row instances need a file: FILE.json plus FILE.a.mtx and FILE.omega.mtx, or FILE.matrix.mtx, beside it).")
    Path output;

    @Option(names = "--certificate", paramLabel = "OUT", description = "Also write the family's planted certificate, when it has one.")
    Path certificate;

    @Option(names = "--list", description = "List the families and exit.")
    boolean list;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list || family == null) {
            if (family == null && !list) throw new UsageException("give a FAMILY or --list");
            listFamilies(out);
            return ExitCodes.OK;
        }
        Family f = Families.byName(family).orElseThrow(() -> new UsageException("unknown family '" + family + "'; see 'mcs generate --list'"));
        int size = n == null ? f.defaultN() : n;
        if (size < 1) throw new UsageException("--n must be >= 1");
        Generated g;
        try {
            g = f.generate(size, seed, params);
        } catch (IllegalArgumentException e) {
            throw new UsageException(family + ": " + e.getMessage());
        }
        List<String> comments = g.comments();
        Path target = output;
        Path temp = null;
        if (target == null) {
            if (InstanceWriter.needsDescriptor(g.instance())) throw new UsageException("this instance is a JSON descriptor beside its matrix files: give -o FILE.json");
            temp = Files.createTempFile("mcs-generate", ".mtx");
            target = temp;
        }
        try {
            InstanceWriter.write(target, g.instance(), comments);
            if (certificate != null) {
                Certificate c = g.known() == null ? null : g.known().plantedCertificate(Sha256.ofFile(target));
                if (c == null) throw new UsageException("family " + family + " has no planted certificate for these parameters");
                CertificateJson.write(certificate, c);
            }
            if (temp != null) {
                try (var r = Files.newBufferedReader(temp, java.nio.charset.StandardCharsets.UTF_8)) {
                    r.transferTo(out);
                }
                out.flush();
            }
        } finally {
            if (temp != null) Files.deleteIfExists(temp);
        }
        PrintWriter summary = temp != null ? err : out;
        summary.printf("%s: %s n = %d, m = %d, seed %d%s%n", output == null ? "stdout" : output, f.problem().id(), g.instance().n(), g.instance().m(), seed,
                knownText(g));
        summary.flush();
        return ExitCodes.OK;
    }

    private static String knownText(Generated g) {
        var k = g.known();
        if (k == null) return "";
        if (k.value() != null) return ", known value " + k.value();
        if (k.verdict() != null && k.verdict() != mcs.problems.cert.Verdict.UNKNOWN) return ", known answer " + k.verdict();
        return "";
    }

    private static void listFamilies(PrintWriter out) {
        for (Family f : Families.all()) {
            out.printf("%s  (%s, default n = %d)%n", f.name(), f.problem().id(), f.defaultN());
            out.printf("    %s%n", f.description());
            for (Parameter p : f.parameters()) out.printf("    -P %s=...  %s (default %s)%n", p.name(), p.meaning(), p.defaultValue());
            out.println();
        }
        out.flush();
    }
}
