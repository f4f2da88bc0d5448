package mcs.verifier.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mcs.verifier.kernel.KernelOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCheckTest {
    @TempDir Path tmp;

    /** Failures when the rows of the examples tier are checked (checksums and stray files are always checked). */
    private static List<LibraryCheck.Item> failures(Path root) {
        return LibraryCheck.run(root, Set.of("examples"), KernelOptions.defaults(), it -> {}).stream().filter(i -> !i.ok()).toList();
    }

    @Test
    void everyRowOfTheRepositoryRecordIsProvenAndHasProvenance() {
        Path root = RecordFolders.repository();
        List<LibraryCheck.Item> items = LibraryCheck.run(root, Set.of(), KernelOptions.defaults(), it -> {});
        assertEquals(List.of(), items.stream().filter(i -> !i.ok()).toList());
        List<IndexCsv.Row> rows = IndexCsv.read(root.resolve(IndexCsv.FILE));
        assertTrue(rows.size() >= 60, "rows: " + rows.size());
        for (IndexCsv.Row r : rows) {
            assertFalse(r.provenance().isBlank(), r.id());
            if (!r.knownAnswer().equals("INVALID")) assertFalse(r.certificate().isBlank(), r.id());
        }
        for (String p : List.of("psd-completion", "approximate-squaring", "permanent", "hafnian"))
            assertTrue(rows.stream().anyMatch(r -> r.tier().equals("tiny") && r.problem().equals(p)), p);
        for (String a : List.of("COMPLETABLE", "NOT_COMPLETABLE"))
            for (String fam : List.of("random-sparse", "chordal", "cycle", "grid", "gamma2"))
                assertTrue(rows.stream().anyMatch(r -> r.family().equals(fam) && r.knownAnswer().equals(a)), fam + " " + a);
    }

    /** The provenance is an {@code mcs generate} command; running it must give the recorded instance byte for byte. */
    @Test
    void everyGeneratedInstanceIsReproducedByItsProvenance() throws IOException {
        Path root = RecordFolders.repository();
        int checked = 0;
        for (IndexCsv.Row r : IndexCsv.read(root.resolve(IndexCsv.FILE))) {
            if (!r.provenance().startsWith("mcs generate ")) continue;
            String cmd = r.provenance().substring(0, r.provenance().indexOf(';'));
            String[] w = cmd.split(" ");
            java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
            for (int k = 7; k + 1 < w.length; k += 2) params.put(w[k + 1].split("=")[0], w[k + 1].split("=")[1]);
            var g = mcs.problems.families.Families.byName(w[2]).orElseThrow().generate(Integer.parseInt(w[4]), Long.parseLong(w[6]), params);
            Path out = tmp.resolve(Path.of(r.instance()).getFileName().toString());
            mcs.problems.io.InstanceWriter.write(out, g.instance(), g.comments());
            assertEquals(mcs.problems.io.Sha256.ofFile(root.resolve(r.instance())), mcs.problems.io.Sha256.ofFile(out), r.id());
            checked++;
        }
        assertTrue(checked >= 50, "checked " + checked);
    }

    @Test
    void aSwappedCertificateIsRejectedEvenWithFreshChecksums() throws IOException {
        Path root = RecordFolders.copy(RecordFolders.repository(), tmp.resolve("r"));
        Files.copy(root.resolve("examples/cycle4-c0.8.cert.json"), root.resolve("examples/cycle4-c0.71.cert.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Checksums.write(root);
        List<LibraryCheck.Item> f = failures(root);
        assertEquals(1, f.size(), f.toString());
        assertEquals("cycle4-c0.71", f.get(0).item());
    }

    @Test
    void aWrongKnownAnswerIsCaught() throws IOException {
        Path root = RecordFolders.copy(RecordFolders.repository(), tmp.resolve("r"));
        Path index = root.resolve(IndexCsv.FILE);
        List<IndexCsv.Row> rows = new ArrayList<>(IndexCsv.read(index));
        for (int k = 0; k < rows.size(); k++) {
            IndexCsv.Row r = rows.get(k);
            if (r.id().equals("perm-3x3"))
                rows.set(k, new IndexCsv.Row(r.id(), r.tier(), r.problem(), r.family(), r.n(), r.m(), "451", r.certificateKind(), r.instance(), r.certificate(), r.provenance(), r.notes()));
        }
        IndexCsv.write(index, rows);
        Checksums.write(root);
        List<LibraryCheck.Item> f = failures(root);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).detail().contains("451"), f.toString());
    }

    @Test
    void anUnindexedFileInATierIsReported() throws IOException {
        Path root = RecordFolders.copy(RecordFolders.repository(), tmp.resolve("r"));
        Files.writeString(root.resolve("tiny/permanent/stray.mtx"), "%%MatrixMarket matrix array integer general\n1 1\n5\n", StandardCharsets.UTF_8);
        Checksums.write(root);
        List<LibraryCheck.Item> f = failures(root);
        assertEquals(1, f.size(), f.toString());
        assertEquals("tiny/permanent/stray.mtx", f.get(0).item());
    }
}
