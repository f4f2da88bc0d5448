package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.families.Families;
import mcs.problems.io.InstanceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import mcs.verifier.sandbox.ProcessGroups;

/** Warm worker JVMs: reuse across runs, the heap limit as MEMOUT, and the group gone after close. */
class WorkerTest {
    @TempDir Path dir;

    private Path instance(String family, int n, Map<String, String> params) throws IOException {
        Path f = dir.resolve(family + n + (family.startsWith("mc2") ? ".json" : ".mtx"));
        InstanceWriter.write(f, Families.byName(family).orElseThrow().generate(n, 1, params).instance(), List.of());
        return f;
    }

    private Map<String, Object> request(String solver, Path inst, double limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("solver", solver);
        m.put("instance", inst.toString());
        m.put("cert_out", dir.resolve("cert.json").toString());
        m.put("seed", 1);
        m.put("threads", 1);
        m.put("time_limit_s", limit);
        m.put("options", Map.of());
        return m;
    }

    @Test
    void oneWarmWorkerServesManyRunsAndWritesCertificates() throws IOException {
        Path yes = instance("chordal", 8, Map.of());
        try (Worker w = Worker.start(256, 1 << 16, List.of("chordal"), dir)) {
            for (int i = 0; i < 5; i++) {
                Files.deleteIfExists(dir.resolve("cert.json"));
                Attempt a = w.call(request("chordal", yes, 10), 10, 0.5);
                assertEquals("done", a.termination());
                assertEquals("COMPLETABLE", a.verdict());
                assertTrue(Files.size(dir.resolve("cert.json")) > 0);
                assertTrue(w.alive());
            }
            Attempt bad = w.call(request("no-such-solver", yes, 10), 10, 0.5);
            assertEquals("failed", bad.termination());
            assertTrue(bad.message().contains("no solver 'no-such-solver'"), bad.message());
            assertTrue(w.alive(), "an error answer does not cost the worker");
        }
        assertEquals(0, ProcessGroups.live().size());
    }

    @Test
    void aRunPastTheLimitKillsTheWorkersGroup() throws IOException {
        // The solver is told 600 s but the arena waits 0.5 s: the interior-point method on a 300-vertex
        // chordal pattern is far from done, so the worker is killed (SIGTERM, grace, SIGKILL).
        Path big = instance("chordal", 300, Map.of());
        Worker w = Worker.start(256, 1 << 16, List.of(), dir);
        try {
            Attempt a = w.call(request("ipm", big, 600), 0.5, 0.5);
            assertEquals("timeout", a.termination());
            assertTrue(a.wallS() >= 0.5 && a.wallS() < 5, "ended at the limit: " + a.wallS());
            assertFalse(w.alive(), "a killed worker is replaced, not reused");
        } finally {
            w.close();
        }
        assertEquals(List.of(), Fixtures.processesMatching("mcs.arena.out=" + dir.toAbsolutePath()));
        assertEquals(0, ProcessGroups.live().size());
    }

    @Test
    void exhaustingTheHeapIsMemoutAndEndsTheWorker() throws IOException {
        // dense-gram lists B on every position off Ω: 1500² exact entries do not fit in a 24 MiB heap.
        Path big = instance("mc2-random", 1500, Map.of("k", "1", "degree", "2"));
        Worker w = Worker.start(24, 1 << 16, List.of(), dir);
        try {
            Attempt a = w.call(request("dense-gram", big, 60), 60, 0.5);
            assertEquals("memory", a.termination(), a.message());
            assertFalse(w.alive(), "a worker is not reused after an OutOfMemoryError");
        } finally {
            w.close();
        }
        assertEquals(List.of(), Fixtures.processesMatching("mcs.arena.out=" + dir.toAbsolutePath()));
    }
}
