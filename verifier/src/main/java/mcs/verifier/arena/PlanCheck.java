package mcs.verifier.arena;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.io.InputException;
import mcs.problems.spi.Solver;
import mcs.problems.spi.Solvers;

/**
 * Checks that everything a plan names exists before any run starts: every SPI solver name is {@code auto}
 * or an installed solver, every family is known (with known parameters), every instance folder or glob
 * matches a file, and every command's program and {@code files} can be found. A mistake is an {@link InputException} naming
 * the plan file, the line of the value at fault and what is available, so a misspelt name costs the user
 * one line instead of a competition of ERROR rows.
 */
public final class PlanCheck {
    private PlanCheck() {}

    /** @throws InputException for the first name or path in the plan that does not resolve */
    public static void check(Plan plan) {
        List<Solver> installed = Solvers.all();
        for (int i = 0; i < plan.solvers().size(); i++) {
            PlanSolver s = plan.solvers().get(i);
            if (s.external()) {
                checkProgram(plan, i, s);
                continue;
            }
            if (Plan.AUTO.equals(s.spi())) continue;
            if (installed.stream().noneMatch(x -> x.name().equals(s.spi()))) {
                String names = installed.stream().map(Solver::name).collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", "));
                throw plan.error("/solvers/" + i + "/solver", "unknown solver '" + s.spi() + "' for '" + s.name() + "' (available: auto, " + names + ")");
            }
        }
        for (int k = 0; k < plan.families().size(); k++) {
            FamilySet set = plan.families().get(k);
            String at = "/instances/" + plan.familySlots().get(k);
            Family f = Families.byName(set.family()).orElseThrow(() -> plan.error(at + "/family",
                    "unknown family '" + set.family() + "' (available: " + Families.all().stream().map(Family::name).collect(Collectors.joining(", ")) + ")"));
            List<String> known = f.parameters().stream().map(p -> p.name()).toList();
            for (String key : set.params().keySet()) {
                if (!known.contains(key)) {
                    throw plan.error(at + "/params/" + key,
                            "family " + f.name() + " has no parameter '" + key + "' (its parameters: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
                }
            }
        }
        for (int k = 0; k < plan.instancePatterns().size(); k++) {
            String p = plan.instancePatterns().get(k);
            String at = "/instances/" + plan.patternSlots().get(k);
            List<Path> files;
            try {
                files = InstanceSets.matches(plan.base(), p);
            } catch (IOException e) {
                throw plan.error(at, "instance set '" + p + "' cannot be listed: " + e.getMessage());
            }
            if (files.isEmpty()) throw plan.error(at, "instance set '" + p + "' matches no file (relative to " + plan.base() + ")");
        }
    }

    private static void checkProgram(Plan plan, int i, PlanSolver s) {
        for (int k = 0; k < s.files().size(); k++) {
            Path f = s.files().get(k);
            if (!Files.exists(f)) throw plan.error("/solvers/" + i + "/files/" + k, "file '" + f + "' that '" + s.name() + "' may read does not exist");
        }
        String prog = s.command().get(0);
        if (prog.contains("/")) {
            Path p = plan.base().resolve(prog).normalize();
            if (!Files.isRegularFile(p)) throw plan.error("/solvers/" + i + "/command/0", "program '" + prog + "' of '" + s.name() + "' does not exist (" + p + ")");
            if (!Files.isExecutable(p)) throw plan.error("/solvers/" + i + "/command/0", "program '" + prog + "' of '" + s.name() + "' is not executable (chmod +x " + p + ")");
            return;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, prog))) return;
        }
        throw plan.error("/solvers/" + i + "/command/0", "program '" + prog + "' of '" + s.name() + "' is not on PATH");
    }
}
