package mcs.verifier.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import mcs.problems.cert.Certificate;
import mcs.problems.io.CertificateJson;
import mcs.problems.io.InputException;
import mcs.problems.io.InstanceReader;
import mcs.problems.io.LoadedInstance;
import mcs.problems.instance.Instance;
import mcs.verifier.search.corpus.Corpus;
import mcs.verifier.kernel.Judgement;
import mcs.verifier.kernel.Kernel;
import mcs.verifier.kernel.KernelOptions;

/**
 * {@code mcs verify --all DIR}: re-verifies a record folder from scratch. First every checksum of
 * {@code SHA256SUMS} (a changed, missing or unlisted file fails, named); then every row of
 * {@code index.csv}: the instance is read (an {@code INVALID} row must be rejected by the reader with the
 * message fragment in its notes), its n and m match the row, the certificate names the instance's
 * SHA-256, the kernel ACCEPTS it, and its verdict or value equals the known answer; then every entry of the
 * counterexample corpus. Every instance and
 * certificate file of a tier folder must be named by some row (Markdown notes and the demo's
 * {@code expected.csv} aside), so nothing unverified hides in the record.
 *
 * <p>Cost: the kernel's cost on each certificate plus hashing every byte once.
 */
public final class LibraryCheck {
    private LibraryCheck() {}

    /** The outcome of one file or row; {@code item} is a path relative to the folder or an index id. */
    public record Item(String item, boolean ok, String detail) {}

    /**
     * @param tiers the tiers to check (empty: all); checksums are always checked for the whole folder
     * @param progress receives each item as it is decided (may print)
     */
    public static List<Item> run(Path root, Set<String> tiers, KernelOptions options, Consumer<Item> progress) {
        List<Item> out = new ArrayList<>();
        Consumer<Item> add = it -> {
            out.add(it);
            progress.accept(it);
        };
        List<Checksums.Problem> sums;
        try {
            sums = Checksums.verify(root);
        } catch (InputException e) {
            add.accept(new Item(Checksums.FILE, false, e.oneLine()));
            return out;
        }
        for (Checksums.Problem p : sums) add.accept(new Item(p.file(), false, p.reason()));
        if (sums.isEmpty()) add.accept(new Item(Checksums.FILE, true, Checksums.files(root).size() + " files match"));
        Path index = root.resolve(IndexCsv.FILE);
        if (!Files.isRegularFile(index)) {
            add.accept(new Item(IndexCsv.FILE, false, "missing"));
            return out;
        }
        List<IndexCsv.Row> rows;
        try {
            rows = IndexCsv.read(index);
        } catch (InputException e) {
            add.accept(new Item(IndexCsv.FILE, false, e.oneLine()));
            return out;
        }
        Set<String> named = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (IndexCsv.Row r : rows) {
            if (!ids.add(r.id())) add.accept(new Item(r.id(), false, "duplicate id in " + IndexCsv.FILE));
            named.add(r.instance());
            if (!r.certificate().isEmpty()) named.add(r.certificate());
            if (r.problem().equals("approximate-squaring")) {
                String base = r.instance().replaceFirst("\\.json$", "");
                named.add(base + ".a.mtx");
                named.add(base + ".omega.mtx");
            } else if (r.instance().endsWith(".json")) {
                named.add(r.instance().replaceFirst("\\.json$", "") + ".matrix.mtx"); // a repeated-rows or loop-hafnian descriptor's matrix
            }
            if (tiers.isEmpty() || tiers.contains(r.tier())) add.accept(checkRow(root, r, options));
        }
        for (Item it : counterexamples(root)) add.accept(it);
        for (String f : Checksums.files(root)) {
            String tier = f.contains("/") ? f.substring(0, f.indexOf('/')) : "";
            boolean inTier = rows.stream().anyMatch(r -> r.tier().equals(tier));
            if (inTier && !named.contains(f) && !f.endsWith(".md") && !f.endsWith("/expected.csv")) add.accept(new Item(f, false, "in a tier folder but not named by " + IndexCsv.FILE));
        }
        return out;
    }

    /**
     * Every entry of the counterexample corpus ({@code counterexamples/<property>/}): its instance must have
     * the recorded SHA-256 and its certificate (the verdict that refutes the property) must be ACCEPTED.
     */
    static List<Item> counterexamples(Path root) {
        Path dir = root.resolve("counterexamples");
        List<Item> out = new ArrayList<>();
        List<Corpus.Entry> entries;
        try {
            entries = Corpus.entries(dir);
        } catch (InputException e) {
            out.add(new Item("counterexamples", false, e.oneLine()));
            return out;
        }
        for (Corpus.Entry e : entries) {
            String name = root.relativize(e.json()).toString().replace('\\', '/');
            try {
                Instance inst = Corpus.load(e);
                if (e.certificate() == null) {
                    out.add(new Item(name, true, e.property() + ": instance intact (no certificate recorded)"));
                    continue;
                }
                Judgement j = Kernel.check(inst, e.instanceSha256(), CertificateJson.read(e.certificate()), KernelOptions.defaults());
                out.add(new Item(name, j.isAccepted(), e.property() + ": " + j.outcome() + ": " + j.reason()));
            } catch (InputException ex) {
                out.add(new Item(name, false, ex.oneLine()));
            }
        }
        return out;
    }

    static Item checkRow(Path root, IndexCsv.Row r, KernelOptions options) {
        Path file = root.resolve(r.instance());
        if (r.knownAnswer().equals("INVALID")) {
            try {
                InstanceReader.read(file, null);
                return new Item(r.id(), false, r.instance() + " was read although it is recorded as invalid input");
            } catch (InputException e) {
                boolean ok = e.getMessage().contains(r.notes());
                return new Item(r.id(), ok, ok ? "rejected as recorded: " + e.oneLine() : "rejected for another reason: " + e.oneLine() + " (recorded: '" + r.notes() + "')");
            }
        }
        LoadedInstance li;
        Certificate c;
        try {
            li = InstanceReader.read(file, null);
            c = CertificateJson.read(root.resolve(r.certificate()));
        } catch (InputException e) {
            return new Item(r.id(), false, e.oneLine());
        }
        if (li.instance().n() != r.n() || li.instance().m() != r.m())
            return new Item(r.id(), false, "index says n = " + r.n() + ", m = " + r.m() + " but " + r.instance() + " has n = " + li.instance().n() + ", m = " + li.instance().m());
        if (!li.instance().problem().id().equals(r.problem()))
            return new Item(r.id(), false, "index says problem " + r.problem() + " but the file is " + li.instance().problem().id());
        Judgement j = Kernel.check(li.instance(), li.sha256(), c, options);
        if (!j.isAccepted()) return new Item(r.id(), false, r.certificate() + ": " + j.outcome() + ": " + j.reason());
        String answer = c.value() != null ? c.value() : c.verdict().name();
        if (!answer.equals(r.knownAnswer())) return new Item(r.id(), false, "certificate answers " + answer + " but the known answer is " + r.knownAnswer());
        String form = c.body() == null ? "value" : c.body().form();
        if (!form.equals(r.certificateKind())) return new Item(r.id(), false, "certificate form " + form + " but the index says " + r.certificateKind());
        return new Item(r.id(), true, answer + " (" + j.method().id() + ")");
    }
}
