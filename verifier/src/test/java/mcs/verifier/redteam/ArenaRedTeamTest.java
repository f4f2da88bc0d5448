package mcs.verifier.redteam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.verifier.arena.Category;
import mcs.verifier.arena.ResultsFile;
import mcs.verifier.arena.RunRow;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.sandbox.Sandbox;
import mcs.testkit.RequiredTool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team against the arena (issue 15): a hostile external command competes next to an honest one on
 * two instances, through {@code mcs arena run} with the default isolation (bubblewrap). For every attack the
 * suite checks the outcome, not only the verdict: the hostile run's category and reason; the checksums of
 * the record, of an earlier competition's results and of a canary home folder; that the secret never appears
 * in any output; that no process carrying the attack's marker survives; and that the judge went on (every
 * run has its row, the honest runs after the hostile ones are CORRECT). Controls with {@code --isolation
 * none} show that the same checks do catch an attack that is not contained.
 */
@Tag("bwrap")
class ArenaRedTeamTest {
    /** Always claims COMPLETABLE with the zero-fill completion: right on both instances (SPEC §6, c = 3/5). */
    static final String HONEST = "#!/bin/sh\n"
            + "sha=$(sha256sum \"$1\" | cut -d' ' -f1)\n"
            + "printf '{\"format\":\"mcs-certificate/1\",\"problem\":\"psd-completion\",\"instance_sha256\":\"%s\",\"verdict\":\"COMPLETABLE\","
            + "\"completion\":{\"form\":\"entries\",\"entries\":[]}}\\n' \"$sha\" > \"$2\"\n"
            + "echo '{\"problem\":\"psd-completion\",\"solver\":\"honest\",\"verdict\":\"COMPLETABLE\"}'\n";
    static final Set<String> JUDGE_FILES = Set.of("plan.json", "provenance.json", "results.jsonl", "results.csv", "ranking.json", "report.html", "certificates");

    @TempDir Path tmp;

    @BeforeEach
    void needsTheSandbox() {
        RequiredTool.require("bwrap", Sandbox.available(Isolation.BWRAP), "apt-get install bubblewrap");
    }

    /** What an attack left: the hostile rows, the whole run, and the world to inspect further. */
    record Attack(List<RunRow> hostile, World.Run run, World world, Path out, boolean contacted, Map<String, String> before) {}

    private Attack attack(String script, double limitS, int certCapMb, Isolation isolation) throws IOException, InterruptedException {
        return attack(script, limitS, certCapMb, isolation, true);
    }

    /** @param judged whether to check that the judge finished every run (controls without isolation may break it) */
    private Attack attack(String script, double limitS, int certCapMb, Isolation isolation, boolean judged) throws IOException, InterruptedException {
        World w = new World(tmp);
        // An earlier competition, whose results folder must stay as it is.
        Path oldPlan = w.root.resolve("old-plan.json");
        Files.writeString(oldPlan, plan(w, List.of(w.script("honest.sh", HONEST)), 5, 64, Isolation.BWRAP));
        World.Run old = World.mcs("arena", "run", oldPlan.toString(), "--out", w.oldResults.toString());
        assertEquals(0, old.code(), old.toString());
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            Path hostile = w.script("hostile.sh", script.replace("@PORT@", Integer.toString(server.getLocalPort())).replace("@OUT@", w.root.resolve("out").toString()));
            Path planFile = w.root.resolve("plan.json");
            Files.writeString(planFile, plan(w, List.of(hostile, w.solver.resolve("honest.sh")), limitS, certCapMb, isolation));
            Map<String, String> before = w.snapshot();
            Path out = w.root.resolve("out");
            World.Run r = World.mcs("arena", "run", planFile.toString(), "--out", out.toString());
            boolean contacted;
            try {
                server.accept().close();
                contacted = true;
            } catch (SocketTimeoutException e) {
                contacted = false;
            }
            if (!judged) return new Attack(List.of(), r, w, out, contacted, before);
            assertEquals(0, r.code(), r.toString());
            List<RunRow> rows = ResultsFile.read(out.resolve(ResultsFile.NAME));
            assertEquals(4, rows.size(), "one row per run, none injected: " + rows);
            List<RunRow> hostileRows = new ArrayList<>();
            for (RunRow row : rows) {
                assertEquals(isolation.id(), row.isolation(), "every row records its isolation: " + row);
                if (row.solver().equals("hostile")) hostileRows.add(row);
                else assertEquals(Category.CORRECT, row.category(), "the judge went on: the honest run is judged as usual: " + row);
            }
            assertEquals("hostile", rows.get(0).solver(), "the hostile run came first, then the honest one");
            assertEquals(2, hostileRows.size());
            try (var files = Files.list(out)) {
                for (Path f : files.toList()) assertTrue(JUDGE_FILES.contains(f.getFileName().toString()), "a file the judge did not write: " + f);
            }
            return new Attack(hostileRows, r, w, out, contacted, before);
        }
    }

    /** The checks every contained attack must pass. */
    private static void contained(Attack a) throws IOException, InterruptedException {
        assertEquals(a.before(), a.world().snapshot(), "record, earlier results and canary home are unchanged");
        String outputs = a.run().out() + a.run().err() + World.allText(a.out());
        assertFalse(outputs.contains(a.world().secret), "the secret appears in the judge's output");
        assertFalse(a.contacted(), "a run reached the judge's 127.0.0.1");
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = a.world().survivors();
            if (left.isEmpty()) break;
            Thread.sleep(100);
        }
        assertEquals(List.of(), left, "processes of the attack survived");
    }

    private static String plan(World w, List<Path> scripts, double limitS, int certCapMb, Isolation isolation) {
        StringBuilder solvers = new StringBuilder();
        for (Path s : scripts) {
            if (solvers.length() > 0) solvers.append(", ");
            String name = s.getFileName().toString().replace(".sh", "");
            solvers.append("{\"name\": \"").append(name).append("\", \"command\": [\"").append(s).append("\"]}");
        }
        return "{\"format\": \"mcs-plan/1\", \"solvers\": [" + solvers + "], \"instances\": [\"" + w.instances + "\"], \"seeds\": [1],"
                + " \"time_limit_s\": " + limitS + ", \"memory_limit_mb\": 256, \"grace_s\": 0.5, \"jobs\": 1, \"certificate_cap_mb\": " + certCapMb
                + ", \"isolation\": \"" + isolation.id() + "\", \"scoring\": \"errors-first\"}";
    }

    private static final String WRITES = "#!/bin/bash\n"
            + "rm -rf '@RECORD@/examples' 2>/dev/null; echo pwned > '@RECORD@/index.csv' 2>/dev/null\n"
            + "echo '{\"run_id\":\"fake\",\"category\":\"CORRECT\"}' >> '@OLD_RESULTS@/results.jsonl' 2>/dev/null; rm -rf '@OLD_RESULTS@/certificates' 2>/dev/null\n"
            + "echo '{\"run_id\":\"fake\",\"solver\":\"hostile\",\"category\":\"CORRECT\"}' >> '@OUT@/results.jsonl' 2>/dev/null\n"
            + "echo pwned > '@HOME_DIR@/.profile' 2>/dev/null; echo pwned > '@HOME_DIR@/.bashrc' 2>/dev/null; echo fine > \"$HOME/.bashrc\"\n"
            + "echo '{\"verdict\": \"UNKNOWN\", \"message\": \"tried to write\"}'\n";

    @Test
    void writesIntoTheRecordTheResultsAndHomeAreContained() throws Exception {
        Attack a = attack(WRITES, 5, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.UNKNOWN, r.category(), r.toString());
            assertEquals("tried to write", r.reason(), "its own answer, nothing else: " + r);
        }
        contained(a);
    }

    /** Control: without the sandbox the same script does damage, and the checks above see it. */
    @Test
    void withoutIsolationTheSameWritesAreCaught() throws Exception {
        Attack a = attack(WRITES, 5, 64, Isolation.NONE, false);
        assertNotEquals(a.before(), a.world().snapshot(), "the control attack should have changed the record");
    }

    private static final String SECRET = "#!/bin/bash\n"
            + "s=$(cat '@SECRET_FILE@' 2>&1); echo \"$s\"; echo \"$s\" >&2; echo \"$s\" > \"$2\"\n"
            + "echo \"{\\\"verdict\\\": \\\"COMPLETABLE\\\", \\\"message\\\": \\\"$s\\\"}\"\n";

    @Test
    void aSecretOutsideTheSandboxCannotBeReadOrPrinted() throws Exception {
        Attack a = attack(SECRET, 5, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.WRONG, r.category(), r.toString());
            assertTrue(r.reason().contains("unreadable certificate"), r.reason());
        }
        contained(a);
    }

    @Test
    void withoutIsolationTheSecretLeaksAndTheCheckSeesIt() throws Exception {
        Attack a = attack(SECRET, 5, 64, Isolation.NONE, false);
        String outputs = a.run().out() + a.run().err() + World.allText(a.out());
        assertTrue(outputs.contains(a.world().secret), "the control should leak the secret into results.jsonl");
    }

    private static final String NETWORK = "#!/bin/bash\n"
            + "if exec 3<>/dev/tcp/127.0.0.1/@PORT@; then echo hello >&3; echo '{\"verdict\": \"UNKNOWN\", \"message\": \"connected\"}';\n"
            + "else echo '{\"verdict\": \"UNKNOWN\", \"message\": \"no network\"}'; fi\n";

    @Test
    void aConnectionToTheJudgesLoopbackIsRefused() throws Exception {
        Attack a = attack(NETWORK, 5, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.UNKNOWN, r.category(), r.toString());
            assertEquals("no network", r.reason(), r.toString());
        }
        contained(a);
    }

    @Test
    void withoutIsolationTheConnectionGetsThroughAndTheCheckSeesIt() throws Exception {
        Attack a = attack(NETWORK, 5, 64, Isolation.NONE, false);
        assertTrue(a.contacted(), "the control should have connected to the test's server");
    }

    @Test
    void aForkBombIsBoundedAndEnded() throws Exception {
        long t0 = System.nanoTime();
        Attack a = attack("#!/bin/bash\nbomb() { bomb | bomb & }\nbomb\nsleep 100\n", 3, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            // 256 shells reach the memory limit (sampled resident memory) or, failing that, the time limit.
            assertTrue(r.category() == Category.TIMEOUT || r.category() == Category.MEMOUT, r.toString());
            if (Sandbox.limitsMechanism().startsWith("cgroup")) assertTrue(r.reason().contains("a fork failed at the limit of 256 processes"), r.reason());
            else assertTrue(r.reason().contains("limit"), r.reason());
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 60, "the competition went on at its pace");
        contained(a);
    }

    @Test
    void aTenGigabyteFileStopsAtTheFileSizeLimit() throws Exception {
        Attack a = attack("#!/bin/bash\necho \"tmp=$TMPDIR\" >&2\nexec head -c 10G /dev/zero > \"$TMPDIR/big\"\n", 30, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.ERROR, r.category(), r.toString());
            assertEquals("killed", r.termination(), r.toString());
            assertTrue(r.reason().contains("file size limit"), r.reason());
            String tmpdir = r.reason().replaceAll("(?s).*tmp=(\\S+).*", "$1");
            assertFalse(Files.exists(Path.of(tmpdir)), "the private directory with the big file is gone: " + tmpdir);
        }
        contained(a);
    }

    @Test
    void aDoubleForkedSetsidDaemonDoesNotSurvive() throws Exception {
        Attack a = attack("#!/bin/bash\n( setsid bash -c 'exec sleep @SLEEP@' </dev/null >/dev/null 2>&1 & )\n"
                + "( setsid nohup bash -c 'while :; do sleep 1; done' '@MARKER@' </dev/null >/dev/null 2>&1 & )\n"
                + "sleep 0.3\necho '{\"verdict\": \"UNKNOWN\", \"message\": \"daemons started\"}'\n", 5, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.UNKNOWN, r.category(), r.toString());
            assertEquals("done", r.termination(), r.toString());
            assertTrue(r.reason().startsWith("daemons started"), r.reason());
        }
        contained(a);
    }

    @Test
    void aCommandThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        Attack a = attack("#!/bin/bash\ntrap '' TERM\nwhile :; do sleep 0.05; done\n", 2, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.TIMEOUT, r.category(), r.toString());
            assertTrue(r.reason().contains("wall-clock limit of 2.0 s"), r.reason());
            assertTrue(r.wallS() >= 1.99 && r.wallS() < 2 + 0.5 + 2, "ended at the limit: " + r.wallS());
        }
        contained(a);
    }

    @Test
    void aGigabyteOfStdoutIsCappedAndTheJudgeStaysSmall() throws Exception {
        Attack a = attack("#!/bin/bash\nhead -c 1G /dev/zero | tr '\\0' x\necho '{\"verdict\": \"COMPLETABLE\"}'\n", 120, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.ERROR, r.category(), r.toString());
            assertTrue(r.reason().contains("stdout cut at"), r.reason());
        }
        long results = Files.size(a.out().resolve(ResultsFile.NAME));
        assertTrue(results < 100_000, "results.jsonl stays small: " + results);
        contained(a);
    }

    @Test
    void aTwoGigabyteCertificateIsNotReadAndCountsAsUnknown() throws Exception {
        Attack a = attack("#!/bin/bash\ntrap '' XFSZ\nhead -c 2G /dev/zero > \"$2\"\necho '{\"verdict\": \"COMPLETABLE\"}'\n", 60, 1, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.UNKNOWN, r.category(), r.toString());
            assertTrue(r.reason().contains("over the cap of 1048576"), r.reason());
        }
        contained(a);
    }

    /**
     * A dense {@code entries} completion claimed for order 10⁶ on the judge's small instances: the kernel
     * rejects the first index beyond the instance's order before it allocates anything, and the competition
     * goes on (the genuine order-10⁶ instance, judged in a 1 GB heap, is KernelBudgetTest's).
     */
    @Test
    void aDenseEntriesCertificateClaimedForOrderAMillionIsRejectedAtOnce() throws Exception {
        String script = "#!/bin/bash\nsha=$(sha256sum \"$1\" | cut -d' ' -f1)\n"
                + "{ printf '{\"format\":\"mcs-certificate/1\",\"problem\":\"psd-completion\",\"instance_sha256\":\"%s\",\"verdict\":\"COMPLETABLE\",' \"$sha\"\n"
                + "  printf '\"completion\":{\"form\":\"entries\",\"entries\":[[1000000,999999,\"1/2\"]'\n"
                + "  for i in $(seq 999998 -1 990000); do printf ',[%d,%d,\"1/2\"]' $i $((i-1)); done\n"
                + "  printf ']}}\\n'; } > \"$2\"\n"
                + "echo '{\"verdict\": \"COMPLETABLE\"}'\n";
        long t0 = System.nanoTime();
        Attack a = attack(script, 10, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.WRONG, r.category(), r.toString());
            assertTrue(r.reason().contains("at (1000000,999999) is out of range for order"), r.reason());
        }
        assertTrue((System.nanoTime() - t0) / 1e9 < 60, "judged at once");
        contained(a);
    }

    private static final String SYMLINK = "#!/bin/bash\n"
            + "ln -sf \"@RECORD@/examples/$(basename \"$1\" .mtx).cert.json\" \"$2\"\n"
            + "echo '{\"verdict\": \"COMPLETABLE\"}'\n";

    @Test
    void certOutReplacedByASymlinkToARecordFileIsNotFollowed() throws Exception {
        Attack a = attack(SYMLINK, 5, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.WRONG, r.category(), r.toString());
            assertTrue(r.reason().contains("symbolic link"), r.reason());
        }
        contained(a);
    }

    /** Without the sandbox the record is reachable, and the copy-out alone must refuse the links. */
    @Test
    void withoutIsolationTheCopyOutStillRefusesSymbolicAndHardLinks() throws Exception {
        Attack s = attack(SYMLINK, 5, 64, Isolation.NONE);
        for (RunRow r : s.hostile()) assertTrue(r.category() == Category.WRONG && r.reason().contains("symbolic link"), r.toString());
        assertEquals(s.before(), s.world().snapshot());
        Attack h = attack("#!/bin/bash\nln \"@RECORD@/examples/$(basename \"$1\" .mtx).cert.json\" \"$2\"\necho '{\"verdict\": \"COMPLETABLE\"}'\n", 5, 64,
                Isolation.NONE);
        for (RunRow r : h.hostile()) assertTrue(r.category() == Category.WRONG && r.reason().contains("hard links"), r.toString());
        assertEquals(h.before(), h.world().snapshot());
    }

    @Test
    void aCertificateForAnotherInstanceIsRejectedByItsHash() throws Exception {
        Path examples = World.repo().resolve("proofs-data/examples");
        String yes = Files.readString(examples.resolve("spec-3x3-yes.cert.json"), StandardCharsets.UTF_8);
        String cycle = Files.readString(examples.resolve("cycle4-c0.6.cert.json"), StandardCharsets.UTF_8);
        String script = "#!/bin/bash\ncase \"$(basename \"$1\")\" in\n"
                + "  spec-3x3-yes.mtx) cat > \"$2\" <<'EOF'\n" + cycle + "EOF\n;;\n"
                + "  *) cat > \"$2\" <<'EOF'\n" + yes + "EOF\n;;\nesac\necho '{\"verdict\": \"COMPLETABLE\"}'\n";
        Attack a = attack(script, 5, 64, Isolation.BWRAP);
        for (RunRow r : a.hostile()) {
            assertEquals(Category.WRONG, r.category(), r.toString());
            assertTrue(r.reason().contains("instance-hash"), r.reason());
        }
        contained(a);
    }
}
