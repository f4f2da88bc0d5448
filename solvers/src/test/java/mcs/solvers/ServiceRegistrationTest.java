package mcs.solvers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mcs.problems.instance.Problem;
import mcs.problems.spi.Solver;
import org.junit.jupiter.api.Test;

/**
 * Every solver listed in {@code META-INF/services/mcs.problems.spi.Solver} is found by ServiceLoader, states its
 * guarantees, has a name unique within its problem, and the set of (problem, name) is exactly the one the README's
 * solver table documents.
 */
class ServiceRegistrationTest {
    private static final String SERVICES = "META-INF/services/" + Solver.class.getName();
    /** The problem column of the README's table. */
    private static final Map<String, Problem> LABELS = Map.of(
            "MC1", Problem.PSD_COMPLETION,
            "MC2", Problem.APPROXIMATE_SQUARING,
            "PERM", Problem.PERMANENT,
            "HAF", Problem.HAFNIAN,
            "PERM-ESTIMATE", Problem.PERMANENT_ESTIMATE,
            "HAF-ESTIMATE", Problem.HAFNIAN_ESTIMATE);

    private static List<Solver> discovered() {
        List<Solver> out = new ArrayList<>();
        ServiceLoader.load(Solver.class).forEach(out::add);
        return out;
    }

    /** The class names listed in this module's services file (comments and blank lines dropped). */
    private static List<String> listed() throws IOException {
        try (InputStream in = ServiceRegistrationTest.class.getClassLoader().getResourceAsStream(SERVICES)) {
            assertTrue(in != null, SERVICES + " is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
        }
    }

    @Test
    void everyListedSolverIsDiscoveredOnce() throws IOException {
        List<String> listed = listed();
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "a class is listed twice: " + listed);
        List<String> found = discovered().stream().map(s -> s.getClass().getName()).sorted().toList();
        assertEquals(listed.stream().sorted().toList(), found);
    }

    @Test
    void namesAreUniquePerProblemAndGuaranteesAreStated() {
        // A name may serve several problems (burer-monteiro: MC1 and MC2); within a problem it is unique.
        List<String> keys = discovered().stream().map(ServiceRegistrationTest::key).toList();
        assertEquals(keys.size(), new TreeSet<>(keys).size(), "names are unique per problem: " + keys);
        for (Solver s : discovered()) {
            assertFalse(s.guarantees() == null || s.guarantees().isBlank(), key(s) + " states no guarantees");
            assertFalse(s.name().isBlank(), s.getClass().getName() + " has no name");
        }
    }

    @Test
    void theReadmeSolverTableListsExactlyTheDiscoveredSolvers() throws IOException {
        Set<String> documented = readmeTable();
        Set<String> found = discovered().stream().map(ServiceRegistrationTest::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> undocumented = new TreeSet<>(found), missing = new TreeSet<>(documented);
        undocumented.removeAll(documented);
        missing.removeAll(found);
        assertEquals(found, documented, "README.md's solver table (## Solvers) against ServiceLoader: not in the table "
                + undocumented + ", in the table but not discovered " + missing);
    }

    private static String key(Solver s) {
        return s.problem().id() + "/" + s.name();
    }

    /** (problem, name) of every backquoted name in the second column of the table under "## Solvers". */
    private static Set<String> readmeTable() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("README.md");
        assertTrue(Files.isRegularFile(readme), "README.md next to the solvers module: " + readme);
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = lines.indexOf("## Solvers");
        assertTrue(start >= 0, "README.md has a '## Solvers' section");
        Set<String> out = new TreeSet<>();
        Pattern name = Pattern.compile("`([a-z0-9-]+)`");
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (!line.startsWith("| ")) continue;
            String[] cells = line.split("\\|");
            Problem p = LABELS.get(cells[1].trim());
            if (p == null) continue; // the header row
            Matcher m = name.matcher(cells[2]);
            while (m.find()) assertTrue(out.add(p.id() + "/" + m.group(1)), "listed twice in README.md: " + m.group(1));
        }
        return out;
    }
}
