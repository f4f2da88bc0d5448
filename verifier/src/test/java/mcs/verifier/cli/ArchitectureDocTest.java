package mcs.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/ARCHITECTURE.md is a map, and a map that names rooms which are gone misleads the next reader: every package,
 * class and command it names must exist, and every command of {@code mcs} must be on it.
 */
class ArchitectureDocTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final List<String> MODULES = List.of("problems", "solvers", "verifier", "bench");
    private static final Pattern QUALIFIED = Pattern.compile("`(mcs\\.[A-Za-z0-9_.*{},]+)`");
    private static final Pattern COMMAND_ROW = Pattern.compile("^\\| `mcs ([a-z-]+)` \\| (.+?) \\|", Pattern.MULTILINE);
    private static final Pattern CLASS_NAME = Pattern.compile("`([A-Z][A-Za-z]+)`");

    private static String doc() throws IOException {
        Path doc = ROOT.resolve("docs/ARCHITECTURE.md");
        assertTrue(Files.isRegularFile(doc), "docs/ARCHITECTURE.md at " + doc);
        return Files.readString(doc);
    }

    @Test
    void everyPackageAndClassItNamesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Matcher m = QUALIFIED.matcher(doc());
        while (m.find()) {
            for (String name : expand(m.group(1))) {
                checked++;
                if (!exists(name)) missing.add(name);
            }
        }
        assertTrue(checked > 20, "the page names packages (" + checked + " found): is the pattern still right?");
        assertEquals(List.of(), missing, "names in docs/ARCHITECTURE.md with no package or class behind them");
    }

    @Test
    void itsCommandTableIsTheCommandLine() throws IOException {
        String doc = doc();
        Set<String> documented = new TreeSet<>();
        List<String> missingClasses = new ArrayList<>();
        Matcher row = COMMAND_ROW.matcher(doc);
        while (row.find()) {
            documented.add(row.group(1));
            Matcher c = CLASS_NAME.matcher(row.group(2));
            while (c.find()) {
                if (!Files.isRegularFile(ROOT.resolve("verifier/src/main/java/mcs/verifier/cli/" + c.group(1) + ".java"))) missingClasses.add(c.group(1));
            }
        }
        Set<String> commands = new TreeSet<>(Main.COMMANDS);
        commands.removeAll(Set.of("help", "generate-completion"));
        assertEquals(commands, documented, "the commands of Main.COMMANDS against the table 'Where each command lives'");
        assertEquals(List.of(), missingClasses, "command classes named in the table that are not in mcs.verifier.cli");
    }

    /** {@code mcs.a.{b,c}} names two packages, {@code mcs.a.*} the package itself; {@code mcs.<module>} is a pattern. */
    private static List<String> expand(String name) {
        if (name.contains("<")) return List.of();
        name = name.replaceAll("\\.\\*$", "");
        int brace = name.indexOf('{');
        if (brace < 0) return List.of(name);
        List<String> out = new ArrayList<>();
        String head = name.substring(0, brace);
        for (String part : name.substring(brace + 1, name.indexOf('}')).split(",")) out.add(head + part.trim());
        return out;
    }

    private static boolean exists(String name) {
        String path = name.replace('.', '/');
        for (String module : MODULES) {
            for (String tree : List.of("src/main/java/", "src/test/java/")) {
                Path base = ROOT.resolve(module).resolve(tree);
                if (Files.isDirectory(base.resolve(path)) || Files.isRegularFile(base.resolve(path + ".java"))) return true;
            }
        }
        return false;
    }
}
