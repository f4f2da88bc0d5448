package mcs.problems.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.problems.exact.Rational;
import mcs.problems.instance.Instance;
import mcs.problems.instance.PermInstance;
import mcs.problems.instance.Problem;
import mcs.problems.instance.RepeatedInstance;
import mcs.problems.matrix.RationalMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatDescriptorTest {
    @TempDir
    Path dir;

    private static final String SYM3 = "%%MatrixMarket matrix array integer symmetric\n3 3\n1\n2\n3\n4\n5\n6\n";
    private static final String GEN2 = "%%MatrixMarket matrix array integer general\n2 2\n1\n2\n3\n4\n";

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.US_ASCII);
        return p;
    }

    private InputException refused(String json, String matrix) throws IOException {
        file("m.mtx", matrix);
        Path d = file("d.json", json);
        InputException e = assertThrows(InputException.class, () -> InstanceReader.read(d, null));
        return e;
    }

    @Test
    void hafnianDescriptorWithRepeats() throws IOException {
        file("m.mtx", SYM3);
        Path d = file("d.json", "{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\",\n \"repeats\": [2, 1, 1]}\n");
        LoadedInstance li = InstanceReader.read(d, null);
        RepeatedInstance r = (RepeatedInstance) li.instance();
        assertEquals(Problem.HAFNIAN, r.problem());
        assertEquals(3, r.n());
        assertEquals(4, r.total());
        assertArrayEquals(new int[] {2, 1, 1}, r.rowRepeats());
        assertEquals(Rational.of(5), r.matrix().re().get(2, 1));
        assertEquals(Sha256.ofFile(d), li.sha256());
    }

    @Test
    void permanentDescriptorTakesRowAndColumnRepeats() throws IOException {
        file("m.mtx", GEN2);
        Path d = file("d.json", "{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"row_repeats\": [2, 1], \"col_repeats\": [0, 3]}");
        RepeatedInstance r = (RepeatedInstance) InstanceReader.read(d, null).instance();
        assertArrayEquals(new int[] {2, 1}, r.rowRepeats());
        assertArrayEquals(new int[] {0, 3}, r.colRepeats());
        // "repeats" alone means rows and columns alike, as The Walrus's permanent_repeated.
        Path e = file("e.json", "{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"repeats\": [2, 1]}");
        RepeatedInstance s = (RepeatedInstance) InstanceReader.read(e, null).instance();
        assertArrayEquals(new int[] {2, 1}, s.colRepeats());
    }

    @Test
    void allOnesOrAbsentRepeatsGiveAPlainInstance() throws IOException {
        file("m.mtx", GEN2);
        Instance a = InstanceReader.read(file("a.json", "{\"problem\": \"permanent\", \"matrix\": \"m.mtx\"}"), null).instance();
        assertTrue(a instanceof PermInstance);
        Instance b = InstanceReader.read(file("b.json", "{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"repeats\": [1, 1]}"), null).instance();
        assertTrue(b instanceof PermInstance);
        file("s.mtx", SYM3);
        Instance c = InstanceReader.read(file("c.json", "{\"problem\": \"loop-hafnian\", \"matrix\": \"s.mtx\"}"), null).instance();
        assertEquals(Problem.LOOP_HAFNIAN, c.problem());
        assertTrue(c instanceof PermInstance);
    }

    @Test
    void badInputNamesFileAndLine() throws IOException {
        InputException neg = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\",\n\"repeats\": [2,\n -1, 1]}", SYM3);
        assertTrue(neg.getMessage().contains("negative"), neg.oneLine());
        assertEquals(3, neg.line());
        assertTrue(neg.file().endsWith("d.json"));

        InputException len = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\",\n\"repeats\": [2, 2]}", SYM3);
        assertTrue(len.getMessage().contains("has 2 elements but the matrix"), len.oneLine());
        assertEquals(2, len.line());

        InputException odd = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\",\n\n\"repeats\": [2, 1, 2]}", SYM3);
        assertTrue(odd.getMessage().contains("even total"), odd.oneLine());
        assertEquals(3, odd.line());

        InputException asym = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\", \"repeats\": [1, 1]}", GEN2);
        assertTrue(asym.getMessage().contains("symmetric"), asym.oneLine());
        assertTrue(asym.file().endsWith("m.mtx"), asym.oneLine());

        InputException nan = refused("{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"repeats\": [1, 2]}",
                "%%MatrixMarket matrix array real general\n2 2\n1\nNaN\n3\n4\n");
        assertTrue(nan.file().endsWith("m.mtx"), nan.oneLine());
        assertEquals(4, nan.line());

        InputException inf = refused("{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"repeats\": [1, 2]}",
                "%%MatrixMarket matrix array real general\n2 2\n1\n2\ninf\n4\n");
        assertEquals(5, inf.line());

        InputException square = refused("{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"repeats\": [1, 2]}",
                "%%MatrixMarket matrix array integer general\n2 3\n1\n2\n3\n4\n5\n6\n");
        assertTrue(square.getMessage().contains("square"), square.oneLine());

        InputException totals = refused("{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"row_repeats\": [1, 2],\n\"col_repeats\": [1, 1]}", GEN2);
        assertTrue(totals.getMessage().contains("must be square"), totals.oneLine());
        assertEquals(2, totals.line());

        InputException both = refused("{\"problem\": \"permanent\", \"matrix\": \"m.mtx\", \"repeats\": [1, 2],\n\"row_repeats\": [1, 1]}", GEN2);
        assertTrue(both.getMessage().contains("not both"), both.oneLine());

        InputException rowsForHafnian = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\",\n\"row_repeats\": [1, 1, 2]}", SYM3);
        assertTrue(rowsForHafnian.getMessage().contains("use \"repeats\""), rowsForHafnian.oneLine());

        InputException notInt = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\", \"repeats\": [1, 1.5, 2]}", SYM3);
        assertTrue(notInt.getMessage().contains("integer"), notInt.oneLine());

        InputException unknown = refused("{\"problem\": \"hafnian\", \"matrix\": \"m.mtx\", \"repeat\": [1, 1, 2]}", SYM3);
        assertTrue(unknown.getMessage().contains("unknown field"), unknown.oneLine());

        InputException wrongProblem = refused("{\"problem\": \"psd-completion\", \"matrix\": \"m.mtx\"}", SYM3);
        assertTrue(wrongProblem.getMessage().contains("describes hafnian"), wrongProblem.oneLine());
    }

    @Test
    void writtenInstancesReadBackEqual() throws IOException {
        Rational[][] a = {{Rational.of(1), Rational.of(2, 3)}, {Rational.of(2, 3), Rational.of(-5)}};
        PermInstance base = new PermInstance(Problem.LOOP_HAFNIAN, PermInstance.Field.REAL, RationalMatrix.of(a), null);
        for (Instance inst : List.of(RepeatedInstance.symmetric(base, new int[] {3, 0}), base,
                new RepeatedInstance(PermInstance.permanent(RationalMatrix.of(a)), new int[] {2, 1}, new int[] {1, 2}))) {
            Path d = dir.resolve("w.json");
            InstanceWriter.write(d, inst, List.of("note"));
            assertTrue(Files.exists(dir.resolve("w.matrix.mtx")));
            Instance back = InstanceReader.read(d, null).instance();
            assertEquals(inst.problem(), back.problem());
            if (inst instanceof RepeatedInstance r) {
                RepeatedInstance s = (RepeatedInstance) back;
                assertArrayEquals(r.rowRepeats(), s.rowRepeats());
                assertArrayEquals(r.colRepeats(), s.colRepeats());
                assertEquals(r.matrix().re().get(1, 0), s.matrix().re().get(1, 0));
            } else {
                assertEquals(((PermInstance) inst).re().get(1, 1), ((PermInstance) back).re().get(1, 1));
            }
        }
    }
}
