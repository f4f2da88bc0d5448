package mcs.verifier.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.cert.Body;
import mcs.problems.cert.Certificate;
import mcs.problems.cert.Entry;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.io.InputException;
import mcs.problems.io.Mc2Descriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit: an MC2 Ω file that lists the diagonal at some indices but not all. SPEC §2.3 requires
 * B_ij = (AAᵀ)_ij on every listed position, diagonal ones included; the instance model records the
 * diagonal with one flag, so such a file must never load as "diagonal free" (which let the kernel accept
 * a B that is wrong on a listed diagonal position).
 */
class AuditMc2DiagonalTest {
    @TempDir
    Path dir;

    private Path descriptor(String omegaBody, int entries) throws IOException {
        Files.writeString(dir.resolve("A.mtx"), "%%MatrixMarket matrix array real general\n2 1\n1\n1\n");
        Files.writeString(dir.resolve("omega.mtx"),
                "%%MatrixMarket matrix coordinate pattern symmetric\n2 2 " + entries + "\n" + omegaBody);
        Path d = dir.resolve("mc2.json");
        Files.writeString(d, "{\"problem\": \"approximate-squaring\", \"a\": \"A.mtx\", \"omega\": \"omega.mtx\"}\n");
        return d;
    }

    /** AAᵀ = [[1,1],[1,1]], Ω = {(1,1), (2,1)}; B = [[2,1],[1,1]] ⪰ 0 violates B_11 = 1. */
    @Test
    void partiallyListedDiagonalNeverLetsAWrongDiagonalThrough() throws IOException {
        Path d = descriptor("1 1\n2 1\n", 2);
        Mc2Instance inst;
        try {
            inst = Mc2Descriptor.read(d).load();
        } catch (InputException e) {
            return; // refusing the file is a sound answer
        }
        Certificate c = Certificate.squaring(null, new Body.Entries(List.of(
                new Entry(0, 0, Rational.of(2)), new Entry(1, 1, Rational.ONE))));
        Judgement j = Kernel.check(inst, null, c, KernelOptions.defaults());
        assertNotEquals(Outcome.ACCEPTED, j.outcome(), j.reason());
    }

    /** Controls: with the whole diagonal, or none of it, the instance loads and the trivial answer B = AAᵀ passes. */
    @Test
    void wholeOrNoDiagonalLoadsAndAcceptsTheTrivialAnswer() throws IOException {
        for (String body : List.of("1 1\n2 1\n2 2\n", "2 1\n")) {
            Path d = descriptor(body, (int) body.lines().count());
            Mc2Instance inst = Mc2Descriptor.read(d).load();
            Certificate c = Certificate.squaring(null, new Body.Factor(inst.a(), Rational.ZERO));
            assertEquals(Outcome.ACCEPTED, Kernel.check(inst, null, c, KernelOptions.defaults()).outcome(), body);
        }
    }
}
