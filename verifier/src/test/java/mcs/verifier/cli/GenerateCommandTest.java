package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.instance.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @Test
    void everyFamilyIsByteReproducibleAndSeedSensitive(@TempDir Path dir) throws Exception {
        int random = 0, differing = 0;
        for (Family f : Families.all()) {
            boolean descriptor = mcs.problems.io.InstanceWriter.needsDescriptor(f.generate(f.defaultN(), 11, java.util.Map.of()).instance());
            String ext = descriptor ? ".json" : ".mtx";
            Path a = dir.resolve(f.name() + "-a" + ext), b = dir.resolve(f.name() + "-b" + ext), c = dir.resolve(f.name() + "-c" + ext);
            Cli ra = Cli.run("generate", f.name(), "--seed", "11", "-o", a.toString());
            assertEquals(0, ra.code(), () -> f.name() + "\n" + ra);
            Cli rb = Cli.run("generate", f.name(), "--seed", "11", "-o", b.toString());
            assertEquals(0, rb.code(), rb::toString);
            for (Path[] pair : filesOf(f, a, b)) assertArrayEquals(Files.readAllBytes(pair[0]), Files.readAllBytes(pair[1]), f.name() + ": same seed, same bytes");
            Cli rc = Cli.run("generate", f.name(), "--seed", "12", "-o", c.toString());
            assertEquals(0, rc.code(), rc::toString);
            random++;
            if (!Arrays.equals(Files.readAllBytes(filesOf(f, a, c)[0][0]), Files.readAllBytes(filesOf(f, a, c)[0][1]))) differing++;
            // What was written is a valid instance of the family's problem.
            Cli solve = Cli.run("solve", a.toString(), "--json", "--timeout", "20");
            assertTrue(solve.code() == 0 || solve.code() == 4, () -> f.name() + "\n" + solve);
        }
        assertTrue(random > 10, "families found: " + random);
        assertTrue(differing > random / 2, "most families depend on the seed: " + differing + " of " + random);
    }

    /** The data files to compare: an MC2 descriptor names its own base, so its A and Ω files are compared. */
    private static Path[][] filesOf(Family f, Path x, Path y) {
        if (f.problem() != Problem.APPROXIMATE_SQUARING && x.toString().endsWith(".json")) {
            // A loop-hafnian or repeated-rows descriptor names its matrix file BASE.matrix.mtx: compare the matrices.
            return new Path[][] {{Path.of(x.toString().replaceAll("\\.json$", ".matrix.mtx")), Path.of(y.toString().replaceAll("\\.json$", ".matrix.mtx"))}};
        }
        if (f.problem() != Problem.APPROXIMATE_SQUARING) return new Path[][] {{x, y}};
        String bx = x.toString().replaceAll("\\.json$", ""), by = y.toString().replaceAll("\\.json$", "");
        return new Path[][] {{Path.of(bx + ".a.mtx"), Path.of(by + ".a.mtx")}, {Path.of(bx + ".omega.mtx"), Path.of(by + ".omega.mtx")}};
    }

    @Test
    void plantedCertificatesVerify(@TempDir Path dir) {
        for (String[] spec : new String[][] {
            {"random-sparse", "answer=no"}, {"random-sparse", "answer=yes"}, {"near-boundary", "c=4/5"},
            {"near-boundary", "c=3/5"}, {"gamma2", "t=1"}, {"dense", "answer=no"}, {"chordal", "answer=no"}
        }) {
            Path inst = dir.resolve(spec[0] + spec[1].replace('/', '_') + ".mtx");
            Path cert = dir.resolve(spec[0] + spec[1].replace('/', '_') + ".json");
            Cli g = Cli.run("generate", spec[0], "-P", spec[1], "--seed", "3", "-o", inst.toString(), "--certificate", cert.toString());
            assertEquals(0, g.code(), () -> Arrays.toString(spec) + "\n" + g);
            Cli v = Cli.run("verify", inst.toString(), cert.toString());
            assertEquals(0, v.code(), () -> Arrays.toString(spec) + "\n" + v);
        }
    }

    @Test
    void stdoutWhenNoOutputFile() {
        Cli c = Cli.run("generate", "perm-ones", "--n", "3");
        assertEquals(0, c.code(), c::toString);
        assertTrue(c.out().startsWith("%%MatrixMarket"), c::toString);
        assertFalse(c.err().isBlank(), "summary goes to stderr");
    }

    @Test
    void listAndErrors() {
        Cli l = Cli.run("generate", "--list");
        assertEquals(0, l.code(), l::toString);
        assertTrue(l.out().contains("random-sparse"));
        assertEquals(2, Cli.run("generate", "no-such-family").code());
        assertEquals(2, Cli.run("generate", "near-boundary", "-P", "c=abc").code());
        assertEquals(2, Cli.run("generate", "random-sparse", "--n", "0").code());
    }

    @Test
    void listsEveryNamedFamilyOfTheIssue() {
        for (String name : new String[] {"random-sparse", "chordal", "cycle", "near-boundary", "gamma2", "grid", "dense",
                "perm-01", "perm-pm1", "perm-gaussian", "perm-exponential", "perm-wishart", "perm-ones", "perm-derangement",
                "perm-rank-one", "perm-tridiagonal", "perm-block-diagonal"}) {
            assertTrue(Families.byName(name).isPresent(), name);
        }
        assertTrue(Families.all().stream().anyMatch(f -> f.problem() == Problem.APPROXIMATE_SQUARING));
        assertTrue(Families.all().stream().anyMatch(f -> f.problem() == Problem.HAFNIAN));
    }
}
