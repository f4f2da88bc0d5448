package mcs.verifier.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The one launcher of untrusted code: the arena's external runs, submitted SPI jars (each run a child JVM,
 * never loaded into the judge), {@code CommandSolver} and {@code mcs submit check} all start what they do not
 * trust through {@link #run(SandboxRequest)}. Threat model and tests: {@code docs/SECURITY.md}.
 *
 * <h2>What the run sees ({@link Isolation#BWRAP}, the default)</h2>
 * bubblewrap ({@link Bubblewrap}) gives it new user, pid, network, IPC, UTS and cgroup namespaces, uid 65534,
 * and a read-only root with only {@code /usr} (and its links), a few files of {@code /etc}, {@code /proc} of
 * its own pid namespace and a minimal {@code /dev}. Visible read-only at their own paths: the instance, the
 * program's folder (the program alone when that folder is {@code /}, {@code /tmp}, {@code /var/tmp}, {@code /home},
 * {@code /root} or the judge's home), every argument that names an existing file or folder, and
 * {@link SandboxRequest#visible()}. Writable: one fresh private directory, its working directory, HOME, and
 * the parent of CERT_OUT ({@code cert.json}) and TMPDIR ({@code tmp/}). No network (its 127.0.0.1 is its own
 * empty loopback), no other process of the machine, a cleared environment.
 *
 * <h2>Limits ({@link Limits})</h2>
 * {@code prlimit} sets processes, file size, open files, CPU seconds and no core dumps; where the cgroup v1
 * hierarchies are writable ({@link Cgroups}) a per-run group adds a hard process cap (which binds even a uid
 * mapped to root, unlike RLIMIT_NPROC), a hard memory cap and a freezer. The launcher keeps the wall-clock
 * limit (SIGTERM to the run's processes, SIGKILL after the grace period), the sampled memory limit, a cap on
 * the private directory's size, caps on captured output, and the final kill of every process the run left
 * (the frozen cgroup, or the pid namespace, or the process group). As root without a writable pids cgroup a
 * fork bomb could not be contained, so BWRAP runs are refused there.
 *
 * <h2>After the run</h2>
 * Only when every process of the run has ended, the judge copies CERT_OUT out with O_NOFOLLOW semantics: a
 * regular file with one link, inside the directory it created, at most {@link Limits#certificateCapBytes()}
 * bytes ({@link PrivateDir#copyCertificate}). Then the private directory is deleted without following links.
 *
 * <h2>{@link Isolation#NONE}</h2>
 * The explicit opt-out ({@code --isolation none}): no namespaces, the run sees and may change what the judge
 * can; the environment is still scrubbed (PATH kept), the limits, the certificate copy and the final kill
 * still apply. Every result records its isolation and how limits were enforced.
 *
 * <p>Where bubblewrap is missing or cannot start, {@link #require(Isolation)} and {@link #run} throw
 * {@link SandboxUnavailableException} with one line naming the Debian package. Thread-safe: runs may
 * proceed in parallel.
 */
public final class Sandbox {
    private static final long POLL_MILLIS = 20;
    private static final long DISK_POLL_MILLIS = 100;
    private static final long MAX_ENTRIES = 10_000;
    private static final String JOIN = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";
    private static volatile Path scratch;
    private static final String PRLIMIT = Bubblewrap.find("prlimit") == null ? "prlimit" : Bubblewrap.find("prlimit");
    private static final boolean ROOT = uid() == 0;

    private Sandbox() {}

    /**
     * Fails with {@link SandboxUnavailableException} (one line naming the package) when runs with this
     * isolation cannot be started here; callers check before they write anything.
     */
    public static void require(Isolation isolation) {
        if (isolation == Isolation.NONE) return;
        String why = Bubblewrap.unavailableReason();
        if (why == null && isRoot() && !Cgroups.available()) {
            why = "as root, bubblewrap needs a writable pids cgroup to bound processes (" + Cgroups.unavailableReason() + ")";
        }
        if (why != null) throw new SandboxUnavailableException(refusal(why));
    }

    /** The one-line refusal: why, the Debian package, and the opt-out. */
    static String refusal(String why) {
        return "untrusted runs are sandboxed with bubblewrap, but " + why + "; install the Debian package '" + Bubblewrap.PACKAGE
                + "' (apt-get install " + Bubblewrap.PACKAGE + ") or pass --isolation none to run them without a sandbox";
    }

    /** Whether runs with this isolation can start here (see {@link #require}). */
    public static boolean available(Isolation isolation) {
        try {
            require(isolation);
            return true;
        } catch (SandboxUnavailableException e) {
            return false;
        }
    }

    /** How limits are enforced here: {@code cgroup+prlimit} or {@code prlimit}. */
    public static String limitsMechanism() {
        return Cgroups.available() ? "cgroup+prlimit" : "prlimit";
    }

    /**
     * Runs the request and returns when every process it started has ended.
     *
     * @throws SandboxUnavailableException when {@link Isolation#BWRAP} was asked for and cannot start here
     * @throws IOException when the private directory or the cgroup cannot be made, and
     *     {@link java.io.InterruptedIOException} when the calling thread was interrupted before the run
     *     started (a cancelled job starts no further untrusted process)
     */
    public static SandboxResult run(SandboxRequest r) throws IOException {
        if (Thread.currentThread().isInterrupted()) throw new java.io.InterruptedIOException("interrupted before the run started; nothing was run");
        require(r.isolation());
        Limits lim = r.limits();
        boolean bwrap = r.isolation() == Isolation.BWRAP;
        boolean cg = Cgroups.available();
        PrivateDir pd = PrivateDir.create(scratch(), r.label());
        Cgroups.Group group = null;
        Process p = null;
        try {
            if (cg) group = Cgroups.acquire(((long) lim.memoryMb() << 20) * 5 / 4 + (64L << 20), lim.processes());
            List<String> command = new ArrayList<>(r.command());
            Path program = resolve(command.get(0));
            command.set(0, program.toString());
            if (r.instance() != null) {
                command.add(r.instance().toAbsolutePath().toString());
                command.add(pd.certOut().toString());
            }
            Map<String, String> env = new LinkedHashMap<>();
            String hostPath = System.getenv("PATH");
            env.put("PATH", bwrap || hostPath == null ? "/usr/local/bin:/usr/bin:/bin" : hostPath);
            env.put("HOME", pd.dir.toString());
            env.put("TMPDIR", pd.tmp().toString());
            env.put("LANG", "C.UTF-8");
            env.put("CERT_OUT", pd.certOut().toString());
            env.put("MCS_SANDBOX", r.isolation().id());
            List<String> inner = bwrap ? Bubblewrap.argv(visible(r, program), pd.dir, env, command) : command;
            List<String> argv = new ArrayList<>(List.of(PRLIMIT,
                    "--nproc=" + nproc(lim.processes(), cg), "--fsize=" + lim.fileSizeBytes(), "--nofile=" + lim.openFiles(),
                    "--cpu=" + lim.cpuSeconds() + ":" + (lim.cpuSeconds() + 1), "--core=0", "--"));
            argv.addAll(inner);
            if (group != null) {
                List<String> join = new ArrayList<>(List.of("/bin/sh", "-c", JOIN, "mcs-sandbox"));
                join.addAll(group.procsFiles());
                join.add("--");
                join.addAll(argv);
                argv = join;
            }
            ProcessBuilder pb = new ProcessBuilder(argv).directory(pd.dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(bwrap ? Map.of("PATH", env.get("PATH")) : env);
            long t0 = System.nanoTime();
            try {
                // bubblewrap needs no session of its own: --new-session isolates what runs inside, and
                // --die-with-parent ends the sandbox when the judge dies. Without it, the run gets its own
                // session and process group, registered with the reaper.
                p = bwrap ? pb.start() : ProcessGroups.start(pb);
            } catch (IOException e) {
                return failed(r, "cannot start " + r.command().get(0) + ": " + e.getMessage(), cg);
            }
            return watch(r, p, group, pd, t0);
        } finally {
            if (group != null) Cgroups.release(group);
            // With a cgroup the group's kill covered the process group too: only the registration is left.
            if (p != null && !bwrap) {
                if (group != null) ProcessGroups.unregister(p.pid());
                else ProcessGroups.terminate(p.pid(), 0);
            }
            pd.delete();
        }
    }

    private static SandboxResult watch(SandboxRequest r, Process p, Cgroups.Group group, PrivateDir pd, long t0) {
        Limits lim = r.limits();
        boolean bwrap = r.isolation() == Isolation.BWRAP;
        CappedCapture out = new CappedCapture(p.getInputStream(), lim.outputCapBytes(), "sandbox-stdout-" + p.pid());
        CappedCapture err = new CappedCapture(p.getErrorStream(), lim.outputCapBytes(), "sandbox-stderr-" + p.pid());
        long limitNanos = (long) (lim.wallSeconds() * 1e9);
        String termination = "done";
        String reason = "";
        double cpu = -1, rss = -1;
        long lastDisk = t0;
        try {
            while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                List<Long> members = members(p, group);
                double[] u = usage(members);
                cpu = Math.max(cpu, u[0]);
                rss = Math.max(rss, u[1]);
                long now = System.nanoTime();
                if (now - t0 >= limitNanos) {
                    termination = "timeout";
                    reason = "wall-clock limit of " + lim.wallSeconds() + " s";
                    break;
                }
                if (u[1] > lim.memoryMb()) {
                    termination = "memory";
                    reason = "resident memory " + Math.round(u[1]) + " MB over the limit of " + lim.memoryMb() + " MB";
                    break;
                }
                if (now - lastDisk >= DISK_POLL_MILLIS * 1_000_000L) {
                    lastDisk = now;
                    long[] disk = pd.usage(MAX_ENTRIES);
                    if (disk[0] > lim.diskBytes() || disk[1] >= MAX_ENTRIES) {
                        termination = "killed";
                        reason = disk[1] >= MAX_ENTRIES ? "more than " + MAX_ENTRIES + " files in its private directory"
                                : "more than " + lim.diskBytes() + " bytes in its private directory";
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            termination = "killed";
            reason = "the judge was interrupted";
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!"done".equals(termination)) endGracefully(p, group, bwrap, lim.graceSeconds());
        if ("done".equals(termination) && group != null && bwrap) settle(group);
        boolean leftovers = group != null ? group.killAll()
                : killDescendants(p) | (!bwrap && ProcessGroups.terminate(p.pid(), (long) (lim.graceSeconds() * 1000)));
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Integer code = p.isAlive() || !"done".equals(termination) ? null : p.exitValue();
        if (group != null) {
            double c = group.cpuSeconds();
            if (c >= 0) cpu = c;
            if (group.oomKilled()) {
                termination = "memory";
                reason = "the memory cgroup's cap (" + lim.memoryMb() + " MB + margin) was reached";
                code = null;
            } else if (group.pidsLimitHit()) {
                reason = join(reason, "a fork failed at the limit of " + lim.processes() + " processes");
            }
        }
        if ("done".equals(termination) && code != null && code > 128) {
            int sig = code - 128;
            if (sig == 25) {
                termination = "killed";
                reason = join(reason, "file size limit of " + lim.fileSizeBytes() + " bytes (SIGXFSZ)");
            } else if (sig == 24) {
                termination = "timeout";
                reason = join(reason, "CPU time limit of " + lim.cpuSeconds() + " s (SIGXCPU)");
            }
        }
        if (leftovers && "done".equals(termination)) reason = join(reason, "processes it left running were killed");
        String stdout = out.text(1000), stderr = err.text(1000);
        if (out.dropped() > 0) reason = join(reason, "stdout cut at " + lim.outputCapBytes() + " bytes, " + out.dropped() + " dropped");
        PrivateDir.Certificate c = pd.copyCertificate(lim.certificateCapBytes());
        return new SandboxResult(r.isolation().id(), group != null ? "cgroup+prlimit" : "prlimit", termination, code, reason, wall, cpu, rss,
                stdout, out.dropped(), stderr, c.bytes(), c.overCap(), c.problem());
    }

    /**
     * SIGTERM to every process of the run, then up to {@code grace} seconds for the run to end, then SIGKILL.
     * Under bubblewrap its own two processes (the outer one and the namespace's init) are spared the SIGTERM:
     * ending them would tear the namespace down at once, with no grace for the run.
     */
    private static void endGracefully(Process p, Cgroups.Group group, boolean bwrap, double grace) {
        Set<Long> spare = new HashSet<>();
        if (bwrap) {
            spare.add(p.pid());
            p.toHandle().children().forEach(h -> spare.add(h.pid()));
        }
        for (long pid : members(p, group)) if (!spare.contains(pid)) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        try {
            p.waitFor((long) (grace * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (group != null) group.killAll();
        else killDescendants(p);
        p.destroyForcibly();
    }

    /**
     * After a normal exit, bubblewrap's namespace is torn down asynchronously: its last processes leave the
     * group within milliseconds. Up to 250 ms are given for that, so that only processes the run really left
     * behind count as leftovers.
     */
    private static void settle(Cgroups.Group group) {
        long end = System.nanoTime() + 250_000_000L;
        while (System.nanoTime() < end && !group.members().isEmpty()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Without cgroups: SIGKILL to the process and its descendants; whether any was alive. */
    private static boolean killDescendants(Process p) {
        List<ProcessHandle> all = new ArrayList<>(p.toHandle().descendants().toList());
        boolean any = false;
        for (ProcessHandle h : all) any |= h.isAlive() && h.destroyForcibly();
        return any;
    }

    /** The run's live processes: the cgroup's members, else the process and its descendants. */
    private static List<Long> members(Process p, Cgroups.Group group) {
        if (group != null) return group.members();
        List<Long> out = new ArrayList<>();
        if (p.isAlive()) out.add(p.pid());
        p.toHandle().descendants().forEach(h -> out.add(h.pid()));
        return out;
    }

    /** CPU seconds and resident MiB summed over processes (best effort, from /proc). */
    private static double[] usage(List<Long> pids) {
        double cpu = 0, rss = 0;
        for (long pid : pids) {
            double c = ProcStats.cpuSeconds(pid);
            long k = ProcStats.statusKb(pid, "VmRSS");
            if (c > 0) cpu += c;
            if (k > 0) rss += k / 1024.0;
        }
        return new double[] {cpu, rss};
    }

    /** Whether {@code p} lies in the read-only system view every sandboxed run gets ({@code /usr} and its links). */
    public static boolean isSystemPath(Path p) {
        return Bubblewrap.isSystem(p);
    }

    /**
     * What the run may read besides the system: instance, program (folder), path arguments, extras. A broad
     * folder ({@code /}, {@code /tmp}, {@code /home}, {@code /root}, the judge's home or temporary folder) is
     * never shown whole, whoever names it.
     */
    static List<Path> visible(SandboxRequest r, Path program) {
        Set<Path> v = new LinkedHashSet<>();
        Path folder = program.getParent();
        v.add(folder != null && !broad(folder) ? folder : program);
        for (String a : r.command().subList(1, r.command().size())) {
            if (!a.startsWith("/")) continue;
            Path p = Path.of(a).normalize();
            if (Files.exists(p)) v.add(p);
        }
        if (r.instance() != null) v.add(r.instance().toAbsolutePath().normalize());
        for (Path p : r.visible()) v.add(p.toAbsolutePath().normalize());
        List<Path> out = new ArrayList<>();
        for (Path p : v) if (!Bubblewrap.isSystem(p) && !broad(p) && Files.exists(p)) out.add(p);
        return out;
    }

    /** Folders too broad to show whole as "the program's folder". */
    private static boolean broad(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        Set<Path> broad = new HashSet<>(List.of(Path.of("/"), Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/home"), Path.of("/root"),
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(), Path.of(System.getProperty("user.home")).toAbsolutePath().normalize()));
        return broad.contains(f);
    }

    /** An absolute program path: as given when it contains a '/', else looked up on the judge's PATH. */
    static Path resolve(String program) {
        if (program.contains("/")) return Path.of(program).toAbsolutePath().normalize();
        String found = Bubblewrap.find(program);
        return found != null ? Path.of(found) : Path.of(program);
    }

    /** RLIMIT_NPROC counts every process of the real uid; it does not bind root, where the pids cgroup does. */
    private static int nproc(int processes, boolean cgroup) {
        if (isRoot()) return processes;
        long mine = 0;
        long uid = uid();
        try (var ds = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path d : ds) {
                if (!d.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                try {
                    for (String l : Files.readAllLines(d.resolve("status"), StandardCharsets.ISO_8859_1)) {
                        if (l.startsWith("Uid:")) {
                            if (Long.parseLong(l.substring(4).trim().split("\\s+")[0]) == uid) mine += Math.max(1, threads(d));
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return processes;
        }
        return (int) Math.min(Integer.MAX_VALUE, mine + processes);
    }

    private static long threads(Path procDir) {
        return ProcStats.statusKb(Long.parseLong(procDir.getFileName().toString()), "Threads");
    }

    static boolean isRoot() {
        return ROOT;
    }

    private static long uid() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("Uid:")) return Long.parseLong(l.substring(4).trim().split("\\s+")[0]);
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
    }

    /** The judge's scratch folder for private directories: one per JVM under java.io.tmpdir, removed at exit. */
    private static Path scratch() throws IOException {
        Path s = scratch;
        if (s != null) return s;
        synchronized (Sandbox.class) {
            if (scratch == null) {
                removeStale(Path.of(System.getProperty("java.io.tmpdir")));
                Path d = Files.createTempDirectory("mcs-sandbox-" + ProcessHandle.current().pid() + "-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Files.deleteIfExists(d);
                    } catch (IOException e) {
                        // left behind only if a run is still being cleaned up
                    }
                }, "mcs-sandbox-scratch"));
                scratch = d;
            }
            return scratch;
        }
    }

    /**
     * Scratch folders ({@code mcs-sandbox-PID-…}, {@code mcs-sandbox-etc-PID-…}) of judges that are gone: a
     * judge killed in the middle of a run cannot clean up after itself, so the next one does. Links are
     * deleted, never followed.
     */
    static void removeStale(Path tmp) {
        try (var ds = Files.newDirectoryStream(tmp, "mcs-sandbox-*")) {
            for (Path p : ds) {
                String[] f = p.getFileName().toString().split("-");
                String pid = f.length > 3 && f[2].equals("etc") ? f[3] : f.length > 2 ? f[2] : "";
                if (!pid.chars().allMatch(Character::isDigit) || pid.isEmpty()) continue;
                long id = Long.parseLong(pid);
                if (id == ProcessHandle.current().pid() || ProcessHandle.of(id).isPresent()) continue;
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                try (var walk = Files.walk(p)) {
                    for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
                } catch (IOException | RuntimeException e) {
                    // another judge may be cleaning the same folder; whatever is left is found next time
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to clean
        }
    }

    private static SandboxResult failed(SandboxRequest r, String why, boolean cg) {
        return new SandboxResult(r.isolation().id(), cg ? "cgroup+prlimit" : "prlimit", "failed", null, why, 0, -1, -1, "", 0, "", null, false, null);
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }
}
