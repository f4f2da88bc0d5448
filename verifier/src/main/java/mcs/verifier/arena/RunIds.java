package mcs.verifier.arena;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import mcs.problems.io.Sha256;
import mcs.problems.spi.Solver;
import mcs.problems.spi.Solvers;

/**
 * Stable run identifiers and the plan's run list. A run ID is the first 20 hex digits of the SHA-256
 * of {@code solver identity | version | sorted options | instance SHA-256 | seed | time limit | memory
 * limit}: the same run in another shard, folder or session gets the same ID, and changing any of these
 * makes a new run. The solver's display name is deliberately not part of it.
 */
public final class RunIds {
    private RunIds() {}

    /** Every run of the plan in plan order: for each instance, each seed, each solver. */
    public static List<RunSpec> runs(Plan plan, List<ArenaInstance> instances) {
        List<String> identities = new ArrayList<>();
        for (PlanSolver s : plan.solvers()) identities.add(identity(plan, s));
        List<RunSpec> out = new ArrayList<>();
        for (ArenaInstance inst : instances) {
            for (long seed : plan.seeds()) {
                for (int k = 0; k < plan.solvers().size(); k++) {
                    PlanSolver s = plan.solvers().get(k);
                    String id = id(identities.get(k), inst.sha256(), seed, plan.timeLimitS(), plan.memoryLimitMb());
                    out.add(new RunSpec(out.size(), id, s, inst, seed));
                }
            }
        }
        return out;
    }

    static String id(String solverIdentity, String instanceSha, long seed, double limit, int memMb) {
        String key = solverIdentity + "|" + instanceSha + "|" + seed + "|" + limit + "|" + memMb;
        return Sha256.of(key.getBytes(StandardCharsets.UTF_8)).substring(0, 20);
    }

    /** Identity, version and options of a competitor as one string. */
    static String identity(Plan plan, PlanSolver s) {
        String opts = new TreeMap<>(s.options()).toString();
        if (!s.external()) {
            String version = Solvers.all().stream().filter(x -> x.name().equals(s.spi())).findFirst()
                    .map(RunIds::versionOf).orElse("absent");
            return "spi:" + s.spi() + "|" + version + "|" + opts + "|threads=" + plan.threads();
        }
        // The command as written (not its resolved path) plus the program's content: the same plan in
        // another folder or on another node gives the same IDs, an edited program gives new ones.
        List<String> argv = Commands.resolve(plan.base(), s.command());
        return "cmd:" + String.join("\u0000", s.command()) + "|" + programHash(Path.of(argv.get(0))) + "|" + opts;
    }

    private static String versionOf(Solver s) {
        String v = s.getClass().getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** SHA-256 of the program file, so that an edited script gets new run IDs; "unhashed" when unreadable. */
    private static String programHash(Path program) {
        try {
            return Files.isRegularFile(program) ? Sha256.of(Files.readAllBytes(program)) : "unhashed";
        } catch (IOException e) {
            return "unhashed";
        }
    }

    /** Runs {@code index ≡ k−1 (mod n)}: a deterministic, balanced slice for shard k of n. */
    public static List<RunSpec> shard(List<RunSpec> runs, int k, int n) {
        if (n < 1 || k < 1 || k > n) throw new IllegalArgumentException("shard K/N needs 1 <= K <= N, got " + k + "/" + n);
        return runs.stream().filter(r -> r.index() % n == k - 1).toList();
    }
}
