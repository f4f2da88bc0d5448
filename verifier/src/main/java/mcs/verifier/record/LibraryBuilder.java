package mcs.verifier.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Verdict;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Generated;
import mcs.problems.families.KnownAnswer;
import mcs.problems.instance.Problem;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.InstanceWriter;
import mcs.problems.io.LoadedInstance;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * Regenerates the record ({@code mcs record build}): certificates for the SPEC §6 examples, the seeded
 * family items of {@link LibraryPlan} with their planted certificates (or, where a family plants none,
 * a solver's certificate), ARC's free-diagonal corner case, {@code index.csv} and {@code SHA256SUMS}.
 * Every certificate is checked by the kernel, and must agree with the known answer, before it is written
 * into the index; the build fails otherwise. The counterexample corpus is left as it is (only re-hashed).
 */
public final class LibraryBuilder {
    /** Solves an instance; returns a certificate or null. The builder checks whatever it returns. */
    public interface Solve {
        Solved solve(LoadedInstance instance);
    }

    /** A certificate and the name of the solver that produced it. */
    public record Solved(Certificate certificate, String solver) {}

    static final String FREE_DIAGONAL = """
            %%MatrixMarket matrix coordinate real symmetric
            % ARC's corner case (SPEC §6): [[x,1,2],[1,1,1],[2,1,1]] with x = a11 unknown.
            % det = -1 for every x, so no PSD completion exists, yet lambda_min -> 0- as x grows:
            % the infimum is not attained. This is why ARC's problem fixes the whole diagonal; mcs
            % rejects the file as input instead of answering a question outside the problem's rules.
            3 3 5
            2 1 1
            2 2 1
            3 1 2
            3 2 1
            3 3 1
            """;

    private final Path root;
    private final Solve solver;
    private final Consumer<String> log;
    private final List<IndexCsv.Row> rows = new ArrayList<>();

    public LibraryBuilder(Path root, Solve solver, Consumer<String> log) {
        this.root = root;
        this.solver = solver;
        this.log = log;
    }

    /** Builds everything; returns the index rows written. */
    public List<IndexCsv.Row> build() throws IOException {
        for (String tier : List.of("tiny", "public")) deleteTree(root.resolve(tier));
        examples();
        freeDiagonal();
        for (LibraryPlan.Spec s : LibraryPlan.specs()) family(s);
        IndexCsv.write(root.resolve(IndexCsv.FILE), rows);
        Checksums.write(root);
        return rows;
    }

    private void examples() throws IOException {
        Path dir = root.resolve("examples");
        List<String> lines = Files.readAllLines(dir.resolve("expected.csv"), StandardCharsets.UTF_8);
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",", 3);
            if (f.length < 2) continue;
            String file = f[0].strip();
            String base = file.replaceFirst("\\.(mtx|json)$", "");
            LoadedInstance li = InstanceReader.read(dir.resolve(file), null);
            Solved s = solver.solve(li);
            String known = f[1].strip();
            String cert = "examples/" + base + ".cert.json";
            String note = f.length > 2 ? f[2].strip() : "";
            write(li, s, known, cert);
            rows.add(row(base, "examples", li, known, s, "examples/" + file, cert, "SPEC §6 public test vector; certificate by " + s.solver(), note));
        }
    }

    private void freeDiagonal() throws IOException {
        String rel = "tiny/psd-completion/arc-free-diagonal.mtx";
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, FREE_DIAGONAL, StandardCharsets.UTF_8);
        rows.add(new IndexCsv.Row("arc-free-diagonal", "tiny", "psd-completion", "spec", 3, 5, "INVALID", "none", rel, "",
                "SPEC §6 (ARC's example of an unattained infimum with a free diagonal entry)",
                "is not listed; psd-completion needs the whole diagonal"));
    }

    private void family(LibraryPlan.Spec spec) throws IOException {
        Family fam = Families.byName(spec.family()).orElseThrow(() -> new IllegalStateException("no family " + spec.family()));
        Generated g = fam.generate(spec.n(), spec.seed(), spec.params());
        String dir = spec.tier() + "/" + fam.problem().id() + "/";
        String id = spec.id();
        String inst = dir + id + (InstanceWriter.needsDescriptor(g.instance()) ? ".json" : ".mtx");
        StringBuilder cmd = new StringBuilder("mcs generate ").append(spec.family()).append(" --n ").append(spec.n()).append(" --seed ").append(spec.seed());
        spec.params().forEach((k, v) -> cmd.append(" -P ").append(k).append('=').append(v));
        List<String> comments = g.comments();
        Path file = root.resolve(inst);
        Files.createDirectories(file.getParent());
        InstanceWriter.write(file, g.instance(), comments);
        LoadedInstance li = InstanceReader.read(file, null);
        KnownAnswer known = g.known();
        Solved s;
        String how;
        Certificate planted = known == null ? null : known.plantedCertificate(li.sha256());
        if (planted != null) {
            s = new Solved(planted, "the family (planted)");
            how = "planted certificate";
        } else {
            s = solver.solve(li);
            how = "certificate by " + (s == null ? "no solver" : s.solver());
        }
        String answer;
        if (known != null && known.value() != null) answer = known.value();
        else if (known != null && known.verdict() != Verdict.UNKNOWN && known.verdict() != Verdict.SOLVED) answer = known.verdict().name();
        else if (fam.problem() == Problem.APPROXIMATE_SQUARING) answer = Verdict.SOLVED.name();
        else if (s != null && s.certificate().value() != null) {
            answer = s.certificate().value();
            how += "; the value was recomputed independently by the kernel (modular arithmetic, CRT)";
        } else throw new IllegalStateException(id + ": no known answer and no solver answer");
        String cert = dir + id + ".cert.json";
        write(li, s, answer, cert);
        String why = known == null ? "" : known.why();
        rows.add(row(id, spec.tier(), li, answer, s, inst, cert, cmd + "; " + how, why));
    }

    private void write(LoadedInstance li, Solved s, String known, String certRel) throws IOException {
        if (s == null) throw new IllegalStateException(li.path() + ": no certificate (no solver answered)");
        // Judged on the instance read again from its bytes, never on the object the solver held.
        LoadedInstance fresh = InstanceReader.read(li.path(), li.instance().problem());
        Judgement j = Kernel.check(fresh.instance(), li.sha256(), s.certificate(), KernelOptions.defaults());
        if (!j.isAccepted()) throw new IllegalStateException(li.path() + ": the kernel does not accept the certificate: " + j.reason());
        Certificate c = s.certificate();
        String answer = c.value() != null ? c.value() : c.verdict().name();
        if (!answer.equals(known)) throw new IllegalStateException(li.path() + ": certificate answers " + answer + " but the known answer is " + known);
        CertificateJson.write(root.resolve(certRel), c);
        log.accept(certRel + ": " + answer + " (" + j.method().id() + ")");
    }

    private static IndexCsv.Row row(String id, String tier, LoadedInstance li, String known, Solved s, String inst, String cert, String provenance, String notes) {
        Certificate c = s.certificate();
        String kind = c.body() == null ? "value" : c.body().form();
        return new IndexCsv.Row(id, tier, li.instance().problem().id(), familyOf(provenance), li.instance().n(), li.instance().m(), known, kind, inst, cert, provenance, notes.replace('\n', ' '));
    }

    private static String familyOf(String provenance) {
        if (!provenance.startsWith("mcs generate ")) return "spec";
        String rest = provenance.substring("mcs generate ".length());
        return rest.substring(0, rest.indexOf(' '));
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.delete(x);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
