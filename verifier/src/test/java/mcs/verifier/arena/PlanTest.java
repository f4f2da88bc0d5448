package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mcs.problems.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan parsing, instance expansion, stable run IDs and shard slices. */
class PlanTest {
    @TempDir Path dir;

    private static final String PLAN = "{\"format\": \"mcs-plan/1\",\n"
            + " \"solvers\": [{\"name\": \"a\", \"solver\": \"chordal\"}, {\"name\": \"b\", \"solver\": \"local-checks\", \"options\": {\"x\": 1}}],\n"
            + " \"instances\": [{\"family\": \"chordal\", \"sizes\": [5, 6], \"seeds\": [1, 2], \"params\": {\"answer\": \"no\"}}],\n"
            + " \"seeds\": [1, 2, 3], \"time_limit_s\": 2, \"memory_limit_mb\": 256, \"scoring\": \"par2\"}";

    @Test
    void parsesEveryField() {
        Plan p = Plan.parse(PLAN, dir, "p.json");
        assertEquals(List.of("a", "b"), p.solvers().stream().map(PlanSolver::name).toList());
        assertEquals("1", p.solvers().get(1).options().get("x"));
        assertEquals(List.of(5, 6), p.families().get(0).sizes());
        assertEquals(List.of(1L, 2L, 3L), p.seeds());
        assertEquals(2.0, p.timeLimitS());
        assertEquals(256, p.memoryLimitMb());
        assertEquals("par2", p.scoring());
        assertEquals(1, p.jobs());
    }

    @Test
    void errorsNameTheFileAndTheLine() {
        InputException e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"par2\"", "\"fastest\""), dir, "p.json"));
        assertEquals("p.json", e.file());
        assertEquals(4, e.line());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"time_limit_s\": 2", "\"time_limit_s\": -2"), dir, "p.json"));
        assertEquals(4, e.line());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"b\", \"solver\"", "\"a\", \"solver\""), dir, "p.json"));
        assertTrue(e.getMessage().contains("duplicate solver name"), e.getMessage());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("mcs-plan/1", "mcs-plan/9"), dir, "p.json"));
        assertEquals(1, e.line());
        e = assertThrows(InputException.class, () -> Plan.parse("{\n\"format\": ", dir, "p.json"));
        assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
        e = assertThrows(InputException.class, () -> Plan.parse(PLAN.replace("\"seeds\": [1, 2, 3]", "\"seeds\": [1, 2, 3], \"speed\": 1"), dir, "p.json"));
        assertTrue(e.getMessage().contains("unknown field 'speed'"), e.getMessage());
    }

    @Test
    void runIdsAreStableAcrossFoldersAndChangeWithEveryIngredient() throws IOException {
        Plan p = Plan.parse(PLAN, dir, "p.json");
        List<RunSpec> one = RunIds.runs(p, InstanceSets.expand(p, dir.resolve("x")));
        List<RunSpec> two = RunIds.runs(p, InstanceSets.expand(p, dir.resolve("y")));
        assertEquals(4 * 3 * 2, one.size());
        assertEquals(one.stream().map(RunSpec::runId).toList(), two.stream().map(RunSpec::runId).toList());
        assertEquals(one.size(), new HashSet<>(one.stream().map(RunSpec::runId).toList()).size(), "IDs are distinct");
        Set<String> base = new HashSet<>(one.stream().map(RunSpec::runId).toList());
        for (String changed : List.of(PLAN.replace("\"time_limit_s\": 2", "\"time_limit_s\": 3"), PLAN.replace("256", "512"),
                PLAN.replace("\"x\": 1", "\"x\": 2"), PLAN.replace("\"answer\": \"no\"", "\"answer\": \"yes\""))) {
            Plan q = Plan.parse(changed, dir, "q.json");
            for (RunSpec r : RunIds.runs(q, InstanceSets.expand(q, dir.resolve("z" + changed.hashCode())))) {
                if (r.solver().name().equals("b") || !changed.contains("\"x\": 2")) assertTrue(!base.contains(r.runId()), changed);
            }
        }
        Plan renamed = Plan.parse(PLAN.replace("\"name\": \"a\"", "\"name\": \"renamed\""), dir, "r.json");
        assertEquals(one.get(0).runId(), RunIds.runs(renamed, InstanceSets.expand(renamed, dir.resolve("r"))).get(0).runId(),
                "the display name is not part of a run's identity");
    }

    @Test
    void shardsPartitionThePlan() throws IOException {
        Plan p = Plan.parse(PLAN, dir, "p.json");
        List<RunSpec> all = RunIds.runs(p, InstanceSets.expand(p, dir));
        Set<String> union = new HashSet<>();
        int total = 0;
        for (int k = 1; k <= 5; k++) {
            List<RunSpec> s = RunIds.shard(all, k, 5);
            assertTrue(Math.abs(s.size() - all.size() / 5.0) <= 1, "balanced");
            total += s.size();
            for (RunSpec r : s) union.add(r.runId());
            assertEquals(s, RunIds.shard(all, k, 5), "deterministic");
        }
        assertEquals(all.size(), total);
        assertEquals(all.size(), union.size());
        assertThrows(IllegalArgumentException.class, () -> RunIds.shard(all, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> RunIds.shard(all, 4, 3));
    }

    @Test
    void foldersAndGlobsExpandInNameOrderWithKnownAnswersFromComments() throws IOException {
        Path inst = Files.createDirectories(dir.resolve("inst/sub"));
        Files.writeString(inst.resolve("b.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n% known answer = COMPLETABLE\n1 1 1\n1 1 1\n");
        Files.writeString(inst.resolve("a.mtx"), "%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 2\n");
        Files.writeString(inst.resolve("x.a.mtx"), "side file of an MC2 descriptor");
        Files.writeString(inst.resolve("notes.txt"), "not an instance");
        Plan folder = Plan.parse(PLAN.replaceFirst("\\[\\{\"family.*?\\}\\}\\]", "[\"inst/sub\"]"), dir, "p.json");
        List<ArenaInstance> got = InstanceSets.expand(folder, dir);
        assertEquals(List.of("inst/sub/a.mtx", "inst/sub/b.mtx"), got.stream().map(ArenaInstance::name).toList());
        assertEquals(null, got.get(0).known());
        assertEquals("COMPLETABLE", got.get(1).known());
        Plan glob = Plan.parse(PLAN.replaceFirst("\\[\\{\"family.*?\\}\\}\\]", "[\"inst/**/b.mtx\"]"), dir, "p.json");
        assertEquals(List.of("inst/sub/b.mtx"), InstanceSets.expand(glob, dir).stream().map(ArenaInstance::name).toList());
        assertEquals(2, InstanceSets.count(folder));
    }
}
