package mcs.verifier.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import mcs.testkit.RequiredTool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher itself: what a sandboxed run sees, its identity and environment, and the refusal message. */
class SandboxTest {
    @TempDir Path tmp;

    private SandboxResult run(String script, Isolation isolation) throws IOException {
        Path solver = Files.createDirectories(tmp.resolve("solver"));
        Path f = solver.resolve("s.sh");
        Files.writeString(f, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path inst = Files.writeString(tmp.resolve("instance.mtx"), "an instance\n");
        return Sandbox.run(new SandboxRequest(List.of(f.toString()), inst, List.of(), Limits.of(10, 256, 1 << 20), isolation, "test"));
    }

    @Test
    @Tag("bwrap")
    void aSandboxedRunSeesOnlyTheSystemItsFilesTheInstanceAndItsPrivateDirectory() throws IOException {
        RequiredTool.require("bwrap", Sandbox.available(Isolation.BWRAP), "apt-get install bubblewrap");
        Path other = Files.writeString(Files.createDirectories(tmp.resolve("other")).resolve("x.txt"), "not yours");
        SandboxResult r = run("#!/bin/sh\nid -u; ls /; cat \"$1\"; cat '" + other + "' 2>&1; echo hi > \"$2\"; touch /usr/x 2>&1; touch \"$(dirname \"$1\")/y\" 2>&1;"
                + " env | cut -d= -f1 | sort | tr '\\n' ' '\n", Isolation.BWRAP);
        assertEquals("done", r.termination(), r.toString());
        assertEquals(0, r.exitCode());
        String[] lines = r.stdout().split("\n");
        assertEquals("65534", lines[0], "runs as nobody inside");
        Set<String> root = new TreeSet<>();
        for (int i = 1; i < lines.length && !lines[i].equals("an instance"); i++) root.add(lines[i]);
        assertTrue(Set.of("bin", "dev", "etc", "lib", "lib64", "lib32", "libx32", "proc", "sbin", "tmp", "usr").containsAll(root), "the root holds " + root);
        assertTrue(r.stdout().contains("an instance"), "the instance is readable");
        assertTrue(r.stdout().contains("No such file"), "another folder of the judge does not exist inside: " + r.stdout());
        assertTrue(r.stdout().contains("Read-only file system"), "the system and the instance's folder are read-only: " + r.stdout());
        assertEquals("hi\n", new String(r.certificate(), StandardCharsets.UTF_8), "CERT_OUT is writable and copied out");
        String env = lines[lines.length - 1];
        Set<String> names = new TreeSet<>(List.of(env.trim().split(" ")));
        names.removeAll(Set.of("PWD", "SHLVL", "_", "OLDPWD"));
        assertEquals(new TreeSet<>(List.of("CERT_OUT", "HOME", "LANG", "MCS_SANDBOX", "PATH", "TMPDIR")), names, "the environment is scrubbed");
        assertEquals("bwrap", r.isolation());
        assertFalse(Files.exists(tmp.resolve("y")));
    }

    @Test
    void withoutIsolationTheRunSeesTheJudgesFilesButStillHasLimitsAndAPrivateDirectory() throws IOException {
        Path other = Files.writeString(Files.createDirectories(tmp.resolve("other")).resolve("x.txt"), "not yours");
        SandboxResult r = run("#!/bin/sh\ncat '" + other + "'; echo; echo \"$TMPDIR\"; echo ok > \"$2\"\n", Isolation.NONE);
        assertEquals("none", r.isolation());
        assertTrue(r.stdout().startsWith("not yours"), r.stdout());
        assertTrue(r.stdout().split("\n")[1].endsWith("/tmp"), "TMPDIR is the private directory's tmp/: " + r.stdout());
        assertEquals("ok\n", new String(r.certificate(), StandardCharsets.UTF_8));
        String tmpdir = r.stdout().split("\n")[1];
        assertFalse(Files.exists(Path.of(tmpdir)), "the private directory is deleted after the run");
    }

    /** Whoever names it, a broad folder is never shown whole; the system is shown anyway, not bound again. */
    @Test
    void broadFoldersAreNeverMadeVisible() throws IOException {
        Path inst = Files.writeString(tmp.resolve("i.mtx"), "x");
        SandboxRequest r = new SandboxRequest(List.of("/bin/cat", "/", "/root", "/tmp", "/usr/bin"), inst, List.of(Path.of("/home"), Path.of("/")),
                Limits.of(1, 64, 1024), Isolation.BWRAP, "t");
        assertEquals(List.of(inst.toAbsolutePath()), Sandbox.visible(r, Path.of("/bin/cat")));
    }

    /** A judge killed in the middle of a run leaves its scratch folders; the next judge removes them, links not followed. */
    @Test
    void scratchFoldersOfJudgesThatAreGoneAreRemoved() throws IOException {
        Path outside = Files.writeString(tmp.resolve("keep.txt"), "keep");
        Path dead = Files.createDirectories(tmp.resolve("mcs-sandbox-999999999-1/run-x/tmp"));
        Files.createSymbolicLink(dead.resolve("link"), outside);
        Path deadEtc = Files.createDirectories(tmp.resolve("mcs-sandbox-etc-999999999-2"));
        Path mine = Files.createDirectories(tmp.resolve("mcs-sandbox-" + ProcessHandle.current().pid() + "-3"));
        Sandbox.removeStale(tmp);
        assertFalse(Files.exists(tmp.resolve("mcs-sandbox-999999999-1")));
        assertFalse(Files.exists(deadEtc));
        assertTrue(Files.exists(mine), "a live judge's folder stays");
        assertEquals("keep", Files.readString(outside));
    }

    @Test
    void theRefusalIsOneLineNamingThePackageAndTheOptOut() throws IOException {
        assertEquals("bubblewrap (bwrap) is not installed", Bubblewrap.probe(null));
        assertEquals("bubblewrap (bwrap) is not installed", Bubblewrap.probe(tmp.resolve("no-such-bwrap").toString()));
        Path broken = tmp.resolve("bwrap");
        Files.writeString(broken, "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        String why = Bubblewrap.probe(broken.toString());
        assertEquals("bubblewrap cannot start here: bwrap: setting up uid map: Permission denied", why);
        String msg = Sandbox.refusal(why);
        assertFalse(msg.contains("\n"));
        assertTrue(msg.contains("Debian package 'bubblewrap'") && msg.contains("apt-get install bubblewrap") && msg.contains("--isolation none"), msg);
        assertNull(Sandbox.available(Isolation.NONE) ? null : "none is always available");
    }
}
