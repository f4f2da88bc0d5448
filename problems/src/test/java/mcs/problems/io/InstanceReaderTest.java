package mcs.problems.io;

import static mcs.problems.io.MatrixMarketReaderTest.q;
import static mcs.problems.io.MatrixMarketReaderTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Mc1Instance;
import mcs.problems.instance.Mc2Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.matrix.PartialSymmetricMatrix;
import mcs.problems.matrix.RationalMatrix;
import mcs.testkit.NaiveValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.US_ASCII);
        return p;
    }

    @Test
    void sha256OfAbc() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sha256OfFileMatchesBytes() throws IOException {
        Path p = file("abc.txt", "abc");
        assertEquals(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)), Sha256.ofFile(p));
    }

    @Test
    void specMc1VectorsAreInferredAndExact() throws IOException {
        Path path = resource("spec_mc1_yes3.mtx");
        LoadedInstance li = InstanceReader.read(path, null);
        assertEquals(Sha256.ofFile(path), li.sha256());
        Mc1Instance mc1 = (Mc1Instance) li.instance();
        PartialSymmetricMatrix a = mc1.matrix();
        assertEquals(3, a.n());
        assertEquals(5, a.m());
        assertEquals(Rational.HALF, a.get(1, 0));
        assertEquals(Rational.HALF, a.get(2, 1));
        assertNull(a.get(2, 0));
        Mc1Instance no = (Mc1Instance) InstanceReader.read(resource("spec_mc1_no3.mtx"), null).instance();
        // ⟨W,a⟩ with W = [[0,0,0],[0,1,-1],[0,-1,1]] is a22 + a33 - 2 a32 = -2 (SPEC §6).
        Rational inner = no.matrix().get(1, 1).add(no.matrix().get(2, 2)).subtract(no.matrix().get(2, 1).multiply(2));
        assertEquals(Rational.of(-2), inner);
        Mc1Instance cyc = (Mc1Instance) InstanceReader.read(resource("spec_cycle_c35.mtx"), null).instance();
        assertEquals(Rational.of(3, 5), cyc.matrix().get(1, 0));
        assertEquals(Rational.of(-3, 5), cyc.matrix().get(0, 3));
        assertEquals(8, cyc.m());
    }

    @Test
    void mc1EntriesOutOfOrderAreSortedWithValuesAligned() {
        String t = "%%MatrixMarket matrix coordinate real symmetric\n3 3 5\n3 3 3\n3 1 0.25\n1 1 1\n2 2 2\n2 1 -1/3\n";
        Mc1Instance m = MatrixMarketInstances.toMc1(MatrixMarketReader.read(t.getBytes(StandardCharsets.US_ASCII), "o.mtx"));
        PartialSymmetricMatrix a = m.matrix();
        assertEquals(q("1"), a.diagonal(0));
        assertEquals(q("2"), a.diagonal(1));
        assertEquals(q("3"), a.diagonal(2));
        assertEquals(q("-1/3"), a.get(0, 1));
        assertEquals(q("1/4"), a.get(2, 0));
        assertEquals(-1.0 / 3, a.approx(a.pattern().entryIndex(1, 0)), 0.0);
        assertNull(a.get(2, 1));
    }

    @Test
    void missingDiagonalNamesFirstIndexAndSizeLine() throws IOException {
        Path p = file("nodiag.mtx", "%%MatrixMarket matrix coordinate real symmetric\n% c\n3 3 2\n1 1 1\n3 3 1\n");
        InputException e = assertThrows(InputException.class, () -> InstanceReader.read(p, null));
        assertEquals(3, e.line());
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().contains("diagonal entry (2,2) is not listed"), e.oneLine());
    }

    @Test
    void permanentVectorsReadExactly() {
        PermInstance p = (PermInstance) InstanceReader.read(resource("spec_perm_450.mtx"), null).instance();
        assertEquals(Problem.PERMANENT, p.problem());
        assertEquals(PermInstance.Field.INTEGER, p.field());
        assertEquals(Rational.of(450), NaiveValues.permanent(p.re()));
        PermInstance q = (PermInstance) InstanceReader.read(resource("spec_perm_m1471.mtx"), null).instance();
        assertEquals(Rational.of(-1471), NaiveValues.permanent(q.re()));
    }

    @Test
    void hafnianIsInferredFromArraySymmetricAndNeedsEvenOrderAndSymmetry() throws IOException {
        Path sym = resource("arr_int_sym.mtx");
        assertEquals(Problem.HAFNIAN, InstanceReader.read(sym, null).instance().problem());
        Path coordComplex = file("cc.mtx", "%%MatrixMarket matrix coordinate complex symmetric\n2 2 1\n1 1 1 0\n");
        InputException inf = assertThrows(InputException.class, () -> InstanceReader.read(coordComplex, null));
        assertEquals(1, inf.line());
        assertTrue(inf.getMessage().contains("--problem"));
        PermInstance h = (PermInstance) InstanceReader.read(sym, Problem.HAFNIAN).instance();
        assertEquals(Problem.HAFNIAN, h.problem());
        assertEquals(Rational.ONE, h.re().get(0, 1));
        Path odd = file("odd.mtx", "%%MatrixMarket matrix array integer symmetric\n3 3\n1\n1\n1\n1\n1\n1\n");
        InputException e = assertThrows(InputException.class, () -> InstanceReader.read(odd, Problem.HAFNIAN));
        assertEquals(2, e.line());
        assertEquals(2, assertThrows(InputException.class, () -> InstanceReader.read(odd, null)).line());
        assertTrue(e.getMessage().contains("even order"));
        InputException asym = assertThrows(InputException.class, () -> InstanceReader.read(resource("arr_real_general.mtx"), Problem.HAFNIAN));
        assertTrue(asym.getMessage().contains("entry (1,2) differs from (2,1)"), asym.oneLine());
        InputException rect = assertThrows(InputException.class, () -> InstanceReader.read(resource("arr_int_general.mtx"), Problem.PERMANENT));
        assertTrue(rect.getMessage().contains("square"), rect.oneLine());
    }

    @Test
    void complexPermanentKeepsBothParts() {
        PermInstance p = (PermInstance) InstanceReader.read(resource("arr_cplx_general.mtx"), null).instance();
        assertEquals(PermInstance.Field.COMPLEX, p.field());
        assertEquals(q("1/4"), p.im().get(1, 1));
        assertEquals(q("-1"), p.im().get(1, 0));
    }

    @Test
    void mc2DescriptorSpecVector() throws IOException {
        Path d = resource("spec_mc2.json");
        LoadedInstance li = InstanceReader.read(d, null);
        assertEquals(Sha256.ofFile(d), li.sha256());
        Mc2Instance m = (Mc2Instance) li.instance();
        assertTrue(m.omegaHasDiagonal());
        assertEquals(5, m.m());
        assertTrue(m.omega().contains(1, 0));
        assertFalse(m.omega().contains(2, 0));
        assertEquals(Rational.ONE, m.a().get(0, 2));
        assertEquals(Rational.ZERO, m.a().get(0, 1));
    }

    @Test
    void mc2DescriptorWithoutDiagonalAndErrors() throws IOException {
        file("a.mtx", "%%MatrixMarket matrix coordinate real general\n2 3 1\n1 3 0.5\n");
        file("o.mtx", "%%MatrixMarket matrix coordinate pattern symmetric\n2 2 1\n2 1\n");
        Path d = file("x.json", "{\n  \"problem\": \"approximate-squaring\",\n  \"a\": \"a.mtx\",\n  \"omega\": \"o.mtx\"\n}\n");
        Mc2Instance m = (Mc2Instance) InstanceReader.read(d, null).instance();
        assertFalse(m.omegaHasDiagonal());
        assertEquals(3, m.m());
        assertEquals(q("0.5"), m.a().get(0, 2));
        Path bad = file("bad.json", "{\n  \"problem\": \"approximate-squaring\",\n  \"a\": \"a.mtx\",\n  \"omega\": 3\n}\n");
        InputException e = assertThrows(InputException.class, () -> InstanceReader.read(bad, null));
        assertEquals(4, e.line());
        Path unk = file("unk.json", "{\"problem\": \"approximate-squaring\",\n\"a\": \"a.mtx\",\n\"b\": \"o.mtx\"}");
        assertEquals(3, assertThrows(InputException.class, () -> InstanceReader.read(unk, null)).line());
        Path syntax = file("syn.json", "{\"problem\": \"approximate-squaring\",\n\"a\": \"a.mtx\"\n\"omega\": \"o.mtx\"}");
        assertEquals(3, assertThrows(InputException.class, () -> InstanceReader.read(syntax, null)).line());
        Path missing = file("miss.json", "{\"problem\": \"approximate-squaring\",\n\"a\": \"none.mtx\",\n\"omega\": \"o.mtx\"}");
        InputException me = assertThrows(InputException.class, () -> InstanceReader.read(missing, null));
        assertEquals(0, me.line());
        assertTrue(me.file().endsWith("none.mtx"));
        Path wrongOmega = file("wo.json", "{\"problem\": \"approximate-squaring\", \"a\": \"a.mtx\", \"omega\": \"a.mtx\"}");
        InputException we = assertThrows(InputException.class, () -> InstanceReader.read(wrongOmega, null));
        assertEquals(1, we.line());
        assertTrue(we.file().endsWith("a.mtx"));
        assertThrows(InputException.class, () -> InstanceReader.read(d, Problem.PERMANENT));
    }

    @Test
    void overrideAndUninferable() {
        InputException e = assertThrows(InputException.class, () -> InstanceReader.read(resource("coo_pat_sym.mtx"), null));
        assertEquals(1, e.line());
        PermInstance p = (PermInstance) InstanceReader.read(resource("coo_int_sym.mtx"), Problem.PERMANENT_ESTIMATE).instance();
        assertEquals(Problem.PERMANENT_ESTIMATE, p.problem());
        assertEquals(Rational.of(-1), p.re().get(0, 1));
        PermInstance h = (PermInstance) InstanceReader.read(resource("spec_haf_ones8.mtx"), Problem.HAFNIAN_ESTIMATE).instance();
        assertEquals(Problem.HAFNIAN_ESTIMATE, h.problem());
        assertEquals(Problem.HAFNIAN_ESTIMATE, Problem.fromId("hafnian-estimate"));
        // The hafnian checks (even order, symmetry) apply to hafnian estimates too.
        assertThrows(InputException.class, () -> InstanceReader.read(resource("spec_perm_630.mtx"), Problem.HAFNIAN_ESTIMATE));
        InputException mc1 = assertThrows(InputException.class, () -> InstanceReader.read(resource("arr_real_general.mtx"), Problem.PSD_COMPLETION));
        assertEquals(1, mc1.line());
        InputException sq = assertThrows(InputException.class, () -> InstanceReader.read(resource("coo_int_sym.mtx"), Problem.APPROXIMATE_SQUARING));
        assertEquals(0, sq.line());
        InputException none = assertThrows(InputException.class, () -> InstanceReader.read(Path.of("/nonexistent.mtx"), null));
        assertEquals(0, none.line());
    }
}
