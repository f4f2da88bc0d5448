package mcs.verifier.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data-sharing archive (not a user command). The launcher
 * starts it once per build of the jar as {@code java -XX:DumpLoadedClassList=LIST -cp mcs.jar
 * mcs.verifier.cli.CdsTraining EXAMPLES}: it runs the commands users start most (demo, solve and verify of
 * the SPEC §6 examples, text and JSON output, the solver list) in this one JVM, with their output discarded,
 * so that LIST names every class they load; the launcher then dumps those classes (and the JDK's own list),
 * parsed and verified, into a static archive ({@code -Xshare:dump}). Later runs map the archive instead of
 * reading those classes from the jar. A failing command here only makes the archive smaller; the exit code
 * is always 0.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args.length > 0 ? args[0] : "proofs-data/examples");
        Path tmp = Files.createTempDirectory("mcs-cds");
        try {
            String no = examples.resolve("spec-3x3-no.mtx").toString();
            String noCert = examples.resolve("spec-3x3-no.cert.json").toString();
            String yes = examples.resolve("spec-3x3-yes.mtx").toString();
            String yesCert = examples.resolve("spec-3x3-yes.cert.json").toString();
            String perm = examples.resolve("perm-4x4.mtx").toString();
            String written = tmp.resolve("c.json").toString();
            List<String[]> runs = List.of(
                    new String[] {"verify", no, noCert},
                    new String[] {"verify", "--json", yes, yesCert},
                    new String[] {"solve", no, "--certificate", written},
                    new String[] {"solve", "--json", perm},
                    new String[] {"verify", no, written},
                    new String[] {"solvers"},
                    new String[] {"demo", "--out", tmp.resolve("demo").toString(), examples.toString()},
                    new String[] {"--help"});
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true);
            for (String[] run : runs) {
                try {
                    Main.execute(run, sink, sink);
                } catch (RuntimeException e) {
                    // a smaller archive, not a failed run
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
