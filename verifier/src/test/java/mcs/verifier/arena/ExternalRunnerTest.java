package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import mcs.verifier.sandbox.ProcessGroups;

/** External competitors: the protocol, the memory limit, output caps, and processes left behind. */
class ExternalRunnerTest {
    @TempDir Path dir;

    private Attempt run(String script, double limit, int memMb, int cap) throws IOException {
        Fixtures.script(dir, "c.sh", script);
        Path inst = dir.resolve("i.mtx");
        Files.writeString(inst, "%%MatrixMarket matrix coordinate real symmetric\n1 1 1\n1 1 1\n");
        Limits limits = Limits.of(limit, memMb, 1 << 20).withGrace(0.2).withOutputCap(cap);
        return ExternalRunner.run(List.of(dir.resolve("c.sh").toString()), inst, List.of(), limits, Isolation.NONE, "t");
    }

    @Test
    void readsTheVerdictAndPassesInstanceAndCertificatePaths() throws IOException {
        Attempt a = run("#!/bin/sh\necho progress\necho 'cert' > \"$2\"\necho \"{\\\"verdict\\\": \\\"NOT_COMPLETABLE\\\", \\\"message\\\": \\\"$1 $2\\\"}\"\n", 5, 500, 4096);
        assertEquals("done", a.termination(), a.toString());
        assertEquals("NOT_COMPLETABLE", a.verdict());
        assertEquals(0, a.exitCode());
        String[] args = a.message().split(" ");
        assertEquals(dir.resolve("i.mtx").toString(), args[0]);
        assertTrue(args[1].endsWith("/cert.json") && !args[1].startsWith(dir.toString()), "CERT_OUT lies in the run's private directory: " + args[1]);
        assertFalse(Files.exists(Path.of(args[1]).getParent()), "the private directory is gone after the run");
        assertEquals("cert\n", new String(a.certificate(), java.nio.charset.StandardCharsets.UTF_8), "the judge copied the certificate out");
        assertEquals("none", a.isolation());
    }

    @Test
    void outputWithoutAVerdictIsAnErrorWithTheExitCodeAndStderr() throws IOException {
        Attempt a = run("#!/bin/sh\necho 'segfault imminent' >&2\nexit 139\n", 5, 500, 4096);
        assertEquals("failed", a.termination());
        assertEquals(139, a.exitCode());
        assertTrue(a.message().contains("segfault imminent"), a.message());
        Attempt b = run("#!/bin/sh\nexec /no/such/program\n", 5, 500, 4096);
        assertEquals("failed", b.termination());
    }

    @Test
    void theMemoryLimitEndsTheGroupAsMemout() throws IOException {
        // tail keeps the whole newline-free stream in memory: it grows until the limit stops it.
        Attempt a = run("#!/bin/sh\nhead -c 2000000000 /dev/zero | tail -n 1 > /dev/null\n", 20, 64, 4096);
        assertEquals("memory", a.termination());
        assertTrue(a.peakRssMb() > 64, "sampled group RSS " + a.peakRssMb());
        assertTrue(a.wallS() < 15, "stopped well before the time limit: " + a.wallS());
        assertEquals(List.of(), Fixtures.processesMatching(dir.toString()));
    }

    @Test
    void processesLeftBehindAreEndedAndOutputIsCapped() throws IOException, InterruptedException {
        int marker = 8000 + (int) (ProcessHandle.current().pid() % 1000);
        Attempt a = run("#!/bin/sh\nsetsid_free() { sleep " + marker + "; }\nsetsid_free &\nhead -c 100000 /dev/zero | tr '\\0' x\necho\n"
                + "echo '{\"verdict\": \"UNKNOWN\"}'\n", 5, 500, 1000);
        assertEquals("failed", a.termination(), "the verdict line lies beyond the 1000-byte cap");
        assertNull(a.verdict());
        assertTrue(a.message().contains("stdout cut at 1000 bytes"), a.message());
        assertEquals(List.of(), Fixtures.processesMatching("sleep " + marker), "the background child was killed with the group");
        assertEquals(0, ProcessGroups.live().size());
    }
}
