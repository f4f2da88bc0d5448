package mcs.verifier.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The "Trusted base" section of the kernel's SOUNDNESS.md names every file a verdict rests on, with its line
 * count, and a budget for their total (issue 15). This test fails when the list is stale: a file added to a
 * trusted package and not listed, a listed file that is gone, a line count that changed, a wrong total, or a
 * total over the budget. Its message carries the correct table, to paste after review.
 */
class TrustedBaseTest {
    /** The trusted packages, as source folders relative to the repository root. */
    static final List<String> TRUSTED = List.of("problems/src/main/java/mcs/problems/exact", "problems/src/main/java/mcs/problems/matrix",
            "problems/src/main/java/mcs/problems/cert", "problems/src/main/java/mcs/problems/instance", "problems/src/main/java/mcs/problems/io",
            "verifier/src/main/java/mcs/verifier/kernel");
    static final String SOUNDNESS = "verifier/src/main/resources/mcs/verifier/kernel/SOUNDNESS.md";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| (\\d+) \\|$");
    private static final Pattern BUDGET = Pattern.compile("^Budget: (\\d+) lines\\.$");
    private static final Pattern TOTAL = Pattern.compile("^Total: (\\d+) lines\\.$");

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("problems")) && Files.isDirectory(p.resolve("verifier")))) p = p.getParent();
        if (p == null) throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** Every .java file of the trusted packages (subpackages included) with its line count. */
    static Map<String, Integer> actual(Path root) throws IOException {
        Map<String, Integer> m = new TreeMap<>();
        for (String dir : TRUSTED) {
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                    m.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllLines(f, StandardCharsets.UTF_8).size());
                }
            }
        }
        return m;
    }

    @Test
    void theTrustedBaseListNamesEveryTrustedFileWithItsLineCountWithinTheBudget() throws IOException {
        Path root = root();
        Map<String, Integer> actual = actual(root);
        assertTrue(actual.size() > 40 && actual.containsKey("verifier/src/main/java/mcs/verifier/kernel/Kernel.java"), "trusted sources not found: " + actual.keySet());
        List<String> lines = Files.readAllLines(root.resolve(SOUNDNESS), StandardCharsets.UTF_8);
        int start = lines.indexOf("## Trusted base");
        if (start < 0) fail(SOUNDNESS + " has no '## Trusted base' section");
        Map<String, Integer> listed = new TreeMap<>();
        Integer budget = null, total = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String l = lines.get(i);
            Matcher r = ROW.matcher(l), b = BUDGET.matcher(l), t = TOTAL.matcher(l);
            if (r.matches()) listed.put(r.group(1), Integer.parseInt(r.group(2)));
            else if (b.matches()) budget = Integer.parseInt(b.group(1));
            else if (t.matches()) total = Integer.parseInt(t.group(1));
        }
        int sum = actual.values().stream().mapToInt(Integer::intValue).sum();
        List<String> problems = new ArrayList<>();
        for (String f : actual.keySet()) {
            if (!listed.containsKey(f)) problems.add(f + " is in a trusted package but not listed");
            else if (!listed.get(f).equals(actual.get(f))) problems.add(f + " has " + actual.get(f) + " lines, listed as " + listed.get(f));
        }
        for (String f : listed.keySet()) if (!actual.containsKey(f)) problems.add(f + " is listed but is not a file of a trusted package");
        if (total == null || total != sum) problems.add("the total is " + sum + " lines, written as " + total);
        if (budget == null) problems.add("no 'Budget: N lines.' line");
        else if (sum > budget) problems.add("the trusted base has " + sum + " lines, over its budget of " + budget + ": shrink it or raise the budget deliberately");
        if (!problems.isEmpty()) {
            StringBuilder table = new StringBuilder("| file | lines |\n|---|---:|\n");
            actual.forEach((f, n) -> table.append("| `").append(f).append("` | ").append(n).append(" |\n"));
            table.append("\nTotal: ").append(sum).append(" lines.\n");
            fail("the trusted base list in " + SOUNDNESS + " is stale:\n  " + String.join("\n  ", problems) + "\nCurrent table:\n" + table);
        }
    }
}
