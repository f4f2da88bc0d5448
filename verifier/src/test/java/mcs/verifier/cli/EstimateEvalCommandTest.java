package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.instance.PermInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: {@code mcs estimate-eval} on tiny configurations. */
class EstimateEvalCommandTest {
    /** perm by expansion along the first row (independent of the kernel's modular recomputation). */
    private static Rational laplace(PermInstance p, int row, int used) {
        int n = p.n();
        if (row == n) return Rational.ONE;
        Rational s = Rational.ZERO;
        for (int j = 0; j < n; j++) {
            if ((used & (1 << j)) == 0 && !p.re().get(row, j).isZero()) s = s.add(p.re().get(row, j).multiply(laplace(p, row + 1, used | (1 << j))));
        }
        return s;
    }

    @Test
    void jsonReportOnATinyConfiguration(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("plot.svg");
        Cli c = Cli.run("estimate-eval", "perm-exponential", "--sizes", "3,4", "--seeds", "1..6", "--estimators", "est-row,bethe,gurvits",
                "-O", "samples=300", "--bootstrap", "200", "--json", "--plot", svg.toString());
        assertEquals(0, c.code(), c.toString());
        JsonNode root = new ObjectMapper().readTree(c.out());
        assertEquals("mcs-estimate-eval/1", root.get("format").asText());
        assertEquals(6, root.get("rows").size());
        for (JsonNode row : root.get("rows")) {
            assertEquals(6, row.get("answered").asInt(), row.toString());
            double r2 = row.get("r2").asDouble();
            assertTrue(r2 >= 0 && r2 <= 1, row.toString());
            assertTrue(row.get("r2_ci_low").asDouble() <= row.get("r2_ci_high").asDouble(), row.toString());
            assertEquals(0, row.get("sign_errors").asInt(), "nonnegative family: " + row);
            if (row.get("estimator").asText().equals("bethe")) assertEquals(0, row.get("bound_violations").asInt());
        }
        for (JsonNode o : root.get("observations")) {
            PermInstance p = (PermInstance) Families.byName("perm-exponential").orElseThrow().generate(o.get("n").asInt(), o.get("seed").asLong(), Map.of()).instance();
            assertEquals(laplace(p, 0, 0), Rational.parse(o.get("exact").asText()), o.toString());
        }
        assertTrue(c.err().contains("[12/12] perm-exponential n=4 seed=6"), c.err());
        String doc = Files.readString(svg);
        assertTrue(doc.startsWith("<?xml") || doc.startsWith("<svg"), doc.substring(0, 40));
        assertTrue(doc.contains("ln |estimate|"));
    }

    @Test
    void markdownTableAndAnExactSolverByName() {
        Cli c = Cli.run("estimate-eval", "perm-pm1", "--sizes", "4", "--seeds", "1..5", "--estimators", "est-row,est-row-col-sum,marcus",
                "--exact", "ryser-exact", "--bootstrap", "50");
        assertEquals(0, c.code(), c.toString());
        assertTrue(c.out().contains("| estimator | n | answered |"), c.out());
        assertTrue(c.out().contains("| est-row | 4 | 5/5 |"), c.out());
        assertTrue(c.out().contains("Outside their domain on every instance: marcus (n = 4)"), c.out());
    }

    /** SPEC §6 through the command line: est_row of [[1,2],[3,4]] is 21/2, est_sum 25/2; the kernel scores, never accepts. */
    @Test
    void solveWithAnEstimatorByName(@TempDir Path dir) throws Exception {
        Cli c = Cli.run("solve", "--problem", "permanent-estimate", "--solver", "est-row", Cli.example("perm-2x2.mtx"), "--json");
        assertEquals(0, c.code(), c.toString());
        JsonNode root = new ObjectMapper().readTree(c.out());
        assertEquals("21/2", root.get("value").asText());
        assertEquals(false, root.get("exact").asBoolean());
        assertEquals("UNVERIFIED", root.get("verification").get("verdict").asText());
        assertEquals(true, root.get("statistics").get("value_exact").asBoolean());
        Cli sum = Cli.run("solve", "--problem", "permanent-estimate", "--solver", "est-sum", Cli.example("perm-2x2.mtx"), "--json");
        assertEquals("25/2", new ObjectMapper().readTree(sum.out()).get("value").asText());
        Path ones = dir.resolve("ones8.mtx");
        StringBuilder b = new StringBuilder("%%MatrixMarket matrix array integer symmetric\n8 8\n");
        for (int k = 0; k < 36; k++) b.append("1\n");
        Files.writeString(ones, b.toString());
        Cli haf = Cli.run("solve", "--problem", "hafnian-estimate", "--solver", "cumulant-propagation", ones.toString(), "--json");
        assertEquals(0, haf.code(), haf.toString());
        assertEquals("25", new ObjectMapper().readTree(haf.out()).get("value").asText());
        assertEquals(2, Cli.run("solve", "--problem", "permanent-estimate", "--solver", "marcus", Cli.example("perm-2x2.mtx")).code(),
                "marcus does not take a non-PSD matrix: usage error");
    }

    @Test
    void usageErrorsAndTheTimeBudget() {
        assertEquals(2, Cli.run("estimate-eval", "no-such-family").code());
        assertEquals(2, Cli.run("estimate-eval", "random-sparse").code());
        Cli bad = Cli.run("estimate-eval", "perm-01", "--estimators", "nope");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("no estimator 'nope'"), bad.err());
        assertEquals(2, Cli.run("estimate-eval", "perm-01", "--sizes", "4..x").code());
        assertEquals(2, Cli.run("estimate-eval", "perm-01", "--exact", "est-row").code());
        assertEquals(2, Cli.run("estimate-eval", "perm-01", "--plot", "out.png").code());
        Cli late = Cli.run("estimate-eval", "perm-01", "--sizes", "4", "--seeds", "1..3", "--timeout", "0.000000001");
        assertEquals(4, late.code(), late.toString());
        assertTrue(late.err().contains("stopped early"), late.err());
    }
}
