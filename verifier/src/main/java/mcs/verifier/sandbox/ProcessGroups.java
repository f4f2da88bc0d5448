package mcs.verifier.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process the arena starts runs in its own process group (started through {@code setsid}, so
 * its PID is its group ID) and is registered here until its whole group is gone. Two safety nets make
 * sure no process outlives the arena: a JVM shutdown hook kills every registered group, and a small
 * reaper shell, in its own session, reads the registrations on its stdin and kills every group still
 * registered when that pipe closes, which also happens when the arena itself is killed with SIGKILL.
 */
public final class ProcessGroups {
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();
    private static final String REAPER = "declare -A g; while read -r op id; do if [ \"$op\" = + ]; then g[$id]=1; else unset \"g[$id]\"; fi; done; "
            + "for id in \"${!g[@]}\"; do kill -KILL -- \"-$id\" 2>/dev/null; done";
    private static Process reaper;
    private static OutputStream reaperIn;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (long g : LIVE) signal(g, "KILL");
        }, "mcs-arena-reaper"));
    }

    private ProcessGroups() {}

    /** Starts {@code argv} as the leader of a new session and process group; stdin from /dev/null unless piped. */
    public static Process start(ProcessBuilder pb) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(pb.command());
        cmd.add(0, "setsid");
        pb.command(cmd);
        ensureReaper();
        Process p = pb.start();
        register(p.pid());
        return p;
    }

    private static synchronized void ensureReaper() {
        if (reaper != null && reaper.isAlive()) return;
        try {
            ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", REAPER);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            reaper = pb.start();
            reaperIn = reaper.getOutputStream();
            for (long g : LIVE) tell("+ " + g);
        } catch (IOException e) {
            reaper = null;
            reaperIn = null;
        }
    }

    private static synchronized void tell(String line) {
        if (reaperIn == null) return;
        try {
            reaperIn.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            reaperIn.flush();
        } catch (IOException e) {
            reaperIn = null;
        }
    }

    /** Lets the reaper exit when no group is registered (the arena has finished); the next start begins a new one. */
    public static synchronized void releaseReaperIfIdle() {
        if (!LIVE.isEmpty() || reaper == null) return;
        try {
            if (reaperIn != null) reaperIn.close();
            reaper.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // it exits at the end of its input in any case
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reaper = null;
        reaperIn = null;
    }

    public static void register(long pgid) {
        LIVE.add(pgid);
        tell("+ " + pgid);
    }

    /**
     * Ends the group: SIGTERM, up to {@code graceMillis} for it to exit, then SIGKILL, then waits (up to
     * two seconds) until no member is left. Returns whether the group had to be signalled at all.
     */
    public static boolean terminate(long pgid, long graceMillis) {
        boolean signalled = false;
        if (!ProcStats.members(pgid).isEmpty()) {
            signalled = true;
            signal(pgid, "TERM");
            long end = System.currentTimeMillis() + graceMillis;
            while (System.currentTimeMillis() < end && !ProcStats.members(pgid).isEmpty()) sleep(10);
            if (!ProcStats.members(pgid).isEmpty()) signal(pgid, "KILL");
            long hard = System.currentTimeMillis() + 2000;
            while (System.currentTimeMillis() < hard && !ProcStats.members(pgid).isEmpty()) sleep(10);
        }
        LIVE.remove(pgid);
        tell("- " + pgid);
        return signalled;
    }

    public static void signal(long pgid, String sig) {
        try {
            Process k = new ProcessBuilder("kill", "-" + sig, "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            k.waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pgid).ifPresent("KILL".equals(sig) ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets a group known to be empty (its members were killed another way), without scanning /proc. */
    public static void unregister(long pgid) {
        if (LIVE.remove(pgid)) tell("- " + pgid);
    }

    /** Groups started and not yet terminated (for tests and the final check). */
    public static Set<Long> live() {
        return Set.copyOf(LIVE);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
