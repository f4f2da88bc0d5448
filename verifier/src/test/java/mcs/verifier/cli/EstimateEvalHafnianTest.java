package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.instance.PermInstance;
import mcs.testkit.NaiveGaussian;
import org.junit.jupiter.api.Test;

/** {@code mcs estimate-eval} on hafnian families: every hafnian estimator, exact values checked independently. */
class EstimateEvalHafnianTest {
    @Test
    void hafnianFamiliesAreEvaluatedWithEveryEstimator() throws Exception {
        for (String family : new String[] {"haf-wishart", "gbs-covariance"}) {
            Cli c = Cli.run("estimate-eval", family, "--sizes", "4,6", "--seeds", "1..4", "-O", "samples=400", "--bootstrap", "50", "--json");
            assertEquals(0, c.code(), c.toString());
            JsonNode root = new ObjectMapper().readTree(c.out());
            Set<String> estimators = new HashSet<>();
            for (JsonNode row : root.get("rows")) {
                estimators.add(row.get("estimator").asText());
                assertEquals(4, row.get("answered").asInt(), row.toString());
            }
            assertTrue(estimators.containsAll(Set.of("cumulant-propagation", "godsil-gutman", "barvinok", "kan-mc")), estimators.toString());
            for (JsonNode o : root.get("observations")) {
                PermInstance p = (PermInstance) Families.byName(family).orElseThrow().generate(o.get("n").asInt(), o.get("seed").asLong(), Map.of()).instance();
                assertEquals(NaiveGaussian.hafnian(NaiveGaussian.array(p.re())), Rational.parse(o.get("exact").asText()), o.toString());
            }
        }
    }
}
