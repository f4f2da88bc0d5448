package mcs.verifier.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cgroup (v1) per untrusted run, under the judge's own cgroup in each of the {@code pids},
 * {@code memory} and {@code freezer} hierarchies (and {@code cpuacct} when mounted): a hard cap on
 * processes (which, unlike RLIMIT_NPROC, binds a process whose uid maps to root), a hard memory cap, a
 * freezer that stops the whole tree at once before it is killed, and exact CPU accounting. The run joins
 * the group before its program starts (a shell writes its own PID into every {@code cgroup.procs} and then
 * execs), so nothing it forks can be outside. Groups are named {@code mcs-PID-N} after the judge's PID;
 * an emptied group is reused by the next run with the same caps (its counters are taken as a baseline),
 * the rest are removed when the judge exits, and groups left by a judge that died at the next start.
 *
 * <p>Used only where the hierarchies are mounted and writable (as root on the CI machine kind, per
 * REFERENCES §5); {@link #available()} says so. Otherwise the launcher falls back to rlimits and process
 * groups, and records that.
 */
final class Cgroups {
    static final List<String> REQUIRED = List.of("pids", "memory", "freezer");
    private static final AtomicLong SEQ = new AtomicLong();
    private static volatile Map<String, Path> bases;
    private static volatile String unavailable;

    private Cgroups() {}

    /** Null when per-run cgroups can be made here, else why not (one line). */
    static synchronized String unavailableReason() {
        if (bases == null && unavailable == null) probe();
        return unavailable;
    }

    static boolean available() {
        return unavailableReason() == null;
    }

    private static void probe() {
        Map<String, Path> found = new LinkedHashMap<>();
        try {
            Map<String, Path> mounts = mounts();
            Map<String, String> own = ownPaths();
            for (String c : List.of("pids", "memory", "freezer", "cpuacct")) {
                Path mount = mounts.get(c);
                String rel = own.get(c);
                if (mount == null || rel == null) continue;
                found.put(c, mount.resolve(rel.startsWith("/") ? rel.substring(1) : rel));
            }
            for (String c : REQUIRED) {
                if (!found.containsKey(c)) {
                    unavailable = "the cgroup v1 controller '" + c + "' is not mounted";
                    return;
                }
            }
            String probe = "mcs-probe-" + ProcessHandle.current().pid();
            for (Path base : found.values()) {
                Path p = base.resolve(probe);
                Files.createDirectory(p);
                Files.delete(p);
            }
            removeStale(found);
            bases = found;
        } catch (IOException | RuntimeException e) {
            unavailable = "cgroups are not writable here (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    /** Mount point of each v1 controller, from /proc/self/mounts. */
    private static Map<String, Path> mounts() throws IOException {
        Map<String, Path> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"), StandardCharsets.UTF_8)) {
            String[] f = line.split(" ");
            if (f.length < 4 || !f[2].equals("cgroup")) continue;
            for (String opt : f[3].split(",")) m.putIfAbsent(opt, Path.of(f[1]));
        }
        return m;
    }

    /** This process's path in each v1 hierarchy, from /proc/self/cgroup. */
    private static Map<String, String> ownPaths() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8)) {
            String[] f = line.split(":", 3);
            if (f.length < 3) continue;
            for (String c : f[1].split(",")) if (!c.isEmpty()) m.put(c, f[2]);
        }
        return m;
    }

    /** Groups of judges that are gone (killed before they could clean up): empty ones are removed. */
    private static void removeStale(Map<String, Path> found) {
        for (Path base : found.values()) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(base, "mcs-*-*")) {
                for (Path p : ds) {
                    String[] parts = p.getFileName().toString().split("-");
                    try {
                        long pid = Long.parseLong(parts[1]);
                        if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) Files.deleteIfExists(p);
                    } catch (NumberFormatException | IOException e) {
                        // not ours, or not empty yet: leave it
                    }
                }
            } catch (IOException e) {
                // nothing to clean
            }
        }
    }

    /** Idle groups by their caps, for reuse: making and removing four cgroup folders per run costs more than a run of a small solver. */
    private static final Map<String, java.util.concurrent.ConcurrentLinkedQueue<Group>> IDLE = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.values().forEach(q -> q.forEach(Group::remove)), "mcs-cgroups"));
    }

    /**
     * A group with the given caps and no member: an idle one from an earlier run when there is one (its
     * counters are read as a baseline), else a new one. Give it back with {@link #release}.
     */
    static Group acquire(long memoryBytes, int processes) throws IOException {
        var q = IDLE.get(memoryBytes + "/" + processes);
        Group g;
        while (q != null && (g = q.poll()) != null) {
            if (g.members().isEmpty() && g.rebase()) return g;
            g.killAll();
            g.remove();
        }
        Group fresh = create(memoryBytes, processes);
        fresh.rebase();
        return fresh;
    }

    /** Ends every member; an emptied group is kept for the next run with the same caps, else removed. */
    static void release(Group g) {
        g.killAll();
        if (g.members().isEmpty()) IDLE.computeIfAbsent(g.key, k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(g);
        else g.remove();
    }

    /** Creates a group with the given caps; the caller must {@link Group#remove()} it. */
    static Group create(long memoryBytes, int processes) throws IOException {
        Map<String, Path> b = bases;
        if (b == null) throw new IOException("cgroups unavailable: " + unavailableReason());
        String name = "mcs-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        Map<String, Path> dirs = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> e : b.entrySet()) dirs.put(e.getKey(), Files.createDirectory(e.getValue().resolve(name)));
            Files.writeString(dirs.get("pids").resolve("pids.max"), Integer.toString(processes));
            Files.writeString(dirs.get("memory").resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
            // Without swap accounting memsw may be absent; where present it closes the swap back door.
            Path memsw = dirs.get("memory").resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                try {
                    Files.writeString(memsw, Long.toString(memoryBytes));
                } catch (IOException e) {
                    // swap accounting disabled: memory.limit_in_bytes alone
                }
            }
        } catch (IOException | RuntimeException e) {
            new Group(dirs, "").remove();
            throw e;
        }
        return new Group(dirs, memoryBytes + "/" + processes);
    }

    /** A live group: its {@code cgroup.procs} files, accounting (relative to the run's start), and the kill. */
    static final class Group {
        private final Map<String, Path> dirs;
        private final String key;
        private long oomBase, pidsMaxBase;

        private Group(Map<String, Path> dirs, String key) {
            this.dirs = dirs;
            this.key = key;
        }

        /** Starts the run's accounting: CPU from 0, OOM kills and failed forks counted from now. */
        boolean rebase() {
            try {
                Path d = dirs.get("cpuacct");
                if (d != null) Files.writeString(d.resolve("cpuacct.usage"), "0");
                oomBase = counter(dirs.get("memory").resolve("memory.oom_control"), "oom_kill ");
                pidsMaxBase = counter(dirs.get("pids").resolve("pids.events"), "max ");
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private static long counter(Path file, String prefix) throws IOException {
            for (String l : Files.readAllLines(file, StandardCharsets.US_ASCII)) if (l.startsWith(prefix)) return Long.parseLong(l.substring(prefix.length()).trim());
            return 0;
        }

        /** The {@code cgroup.procs} files a starting process writes its PID into. */
        List<String> procsFiles() {
            List<String> out = new ArrayList<>();
            for (Path d : dirs.values()) out.add(d.resolve("cgroup.procs").toString());
            return out;
        }

        /** PIDs in the group (from the pids hierarchy, which every member joined). */
        List<Long> members() {
            List<Long> out = new ArrayList<>();
            Path d = dirs.get("pids");
            if (d == null) return out;
            try {
                for (String l : Files.readAllLines(d.resolve("cgroup.procs"), StandardCharsets.US_ASCII)) {
                    if (!l.isBlank()) out.add(Long.parseLong(l.trim()));
                }
            } catch (IOException | RuntimeException e) {
                return out;
            }
            return out;
        }

        /** CPU seconds of every member, past and present (cpuacct), or −1 without that controller. */
        double cpuSeconds() {
            Path d = dirs.get("cpuacct");
            if (d == null) return -1;
            try {
                return Long.parseLong(Files.readString(d.resolve("cpuacct.usage")).trim()) / 1e9;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** Whether the kernel's OOM killer ended a member because the group hit its memory cap. */
        boolean oomKilled() {
            try {
                return counter(dirs.get("memory").resolve("memory.oom_control"), "oom_kill ") > oomBase;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /** Whether a fork failed at the process cap during this run. */
        boolean pidsLimitHit() {
            try {
                return counter(dirs.get("pids").resolve("pids.events"), "max ") > pidsMaxBase;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        /**
         * Ends every member: the freezer stops the whole tree (no member can fork or exit meanwhile), each is
         * sent SIGKILL, the tree is thawed so the signals land, and then this waits (up to five seconds) until
         * the group is empty. Returns whether any member was left to kill.
         */
        boolean killAll() {
            List<Long> left = members();
            if (left.isEmpty()) return false;
            Path state = dirs.get("freezer").resolve("freezer.state");
            try {
                Files.writeString(state, "FROZEN");
                long end = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < end && !Files.readString(state).trim().equals("FROZEN")) sleep(1);
            } catch (IOException e) {
                // without the freezer the kills below still run; a fork racing them is caught by the next pass
            }
            for (int pass = 0; pass < 50; pass++) {
                for (long pid : members()) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                try {
                    Files.writeString(state, "THAWED");
                } catch (IOException e) {
                    // already thawed
                }
                long end = System.nanoTime() + 100_000_000L;
                while (System.nanoTime() < end && !members().isEmpty()) sleep(2);
                if (members().isEmpty()) break;
            }
            return true;
        }

        /** Removes the group's directories (they must be empty: call {@link #killAll()} first). */
        void remove() {
            for (var q : IDLE.values()) q.remove(this);
            for (Path d : dirs.values()) {
                for (int attempt = 0; attempt < 100; attempt++) {
                    try {
                        Files.deleteIfExists(d);
                        break;
                    } catch (IOException e) {
                        sleep(10); // a member that just died may still be counted for a moment
                    }
                }
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
