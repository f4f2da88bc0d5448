package mcs.verifier.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bubblewrap command line of a run (Debian package {@code bubblewrap}, 0.8): new user, pid, network,
 * IPC, UTS and cgroup namespaces, uid/gid 65534 inside, {@code --die-with-parent}, {@code --new-session}
 * (no terminal injection), a read-only root holding only {@code /usr} (with the {@code /bin}, {@code /lib…}
 * links of a merged-usr system), the few files of {@code /etc} that dynamic linking and Java need (a copy
 * made once per judge, {@link #stagedEtc()}), fresh
 * {@code /proc} and {@code /dev}, the run's visible files read-only at their own paths, and its private
 * directory read-write. The environment is cleared and set to PATH, HOME, TMPDIR, LANG, CERT_OUT and
 * MCS_SANDBOX. The network namespace has only its own loopback: 127.0.0.1 inside is not the judge's.
 */
final class Bubblewrap {
    static final String PACKAGE = "bubblewrap";
    /** Folders of the host shown read-only as the system (everything else is absent). */
    static final List<String> SYSTEM = List.of("/usr");
    static final List<String> ROOT_LINKS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    /** Files of /etc shown read-only, besides every {@code /etc/java-*} (the JDK's configuration). */
    static final List<String> ETC = List.of("alternatives", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "nsswitch.conf");
    private static volatile String executable;
    private static volatile String problem;
    private static volatile boolean probed;

    private Bubblewrap() {}

    /** Null when bubblewrap is installed and starts here, else a one-line reason. Probed once per JVM. */
    static synchronized String unavailableReason() {
        if (!probed) {
            problem = probe();
            probed = true;
        }
        return problem;
    }

    private static String probe() {
        String exe = find("bwrap");
        String why = probe(exe);
        if (exe != null) executable = exe;
        return why;
    }

    /** Null when {@code exe} (a bwrap executable, or null when none was found) starts a sandbox here, else why not. */
    static String probe(String exe) {
        if (exe == null || !Files.isExecutable(Path.of(exe))) return "bubblewrap (bwrap) is not installed";
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mcs-bwrap-probe");
            List<String> cmd = argv(List.of(), dir, Map.of(), List.of("/bin/sh", "-c", "exit 0"));
            cmd.set(0, exe);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "bubblewrap did not start within 20 s";
            }
            if (p.exitValue() != 0) {
                String msg = new String(out, StandardCharsets.UTF_8).strip().replace('\n', ' ');
                return "bubblewrap cannot start here: " + (msg.isEmpty() ? "exit code " + p.exitValue() : msg);
            }
            return null;
        } catch (IOException e) {
            return "bubblewrap cannot start here: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting bubblewrap";
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    // an empty temporary folder left behind is harmless
                }
            }
        }
    }

    static String find(String name) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin"));
        if (path != null) dirs.addAll(0, List.of(path.split(File.pathSeparator)));
        for (String d : dirs) {
            if (d.isEmpty()) continue;
            Path c = Path.of(d).resolve(name);
            if (Files.isRegularFile(c) && Files.isExecutable(c)) return c.toString();
        }
        return null;
    }

    private static volatile List<String> systemView;

    /** The options showing /usr and the root's links to it (looked up once). */
    private static List<String> systemView() {
        List<String> v = systemView;
        if (v != null) return v;
        List<String> a = new ArrayList<>();
        for (String s : SYSTEM) a.addAll(List.of("--ro-bind", s, s));
        for (String l : ROOT_LINKS) {
            Path p = Path.of(l);
            try {
                if (Files.isSymbolicLink(p)) a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), l));
                else if (Files.isDirectory(p)) a.addAll(List.of("--ro-bind", l, l));
            } catch (IOException e) {
                // an unreadable link is simply not shown
            }
        }
        systemView = v = List.copyOf(a);
        return v;
    }

    private static volatile Path etcCopy;
    private static volatile boolean etcTried;

    /** The entries of /etc a run sees: {@link #ETC} and every {@code java-*}. */
    static List<String> etcEntries() {
        List<String> etc = new ArrayList<>(ETC);
        try (var ds = Files.newDirectoryStream(Path.of("/etc"), "java-*")) {
            for (Path j : ds) etc.add(j.getFileName().toString());
        } catch (IOException e) {
            // no JDK configuration to show
        }
        return etc;
    }

    /**
     * A copy of the visible entries of /etc (links kept as links), made once per judge under its scratch
     * folder and shown as /etc with one mount: a bind per entry costs about a millisecond each per run.
     * Null when it cannot be made; then each entry is bound.
     */
    static synchronized Path stagedEtc() {
        if (etcTried) return etcCopy;
        etcTried = true;
        try {
            Path dir = Files.createTempDirectory("mcs-sandbox-etc-" + ProcessHandle.current().pid() + "-");
            for (String e : etcEntries()) {
                Path from = Path.of("/etc", e);
                if (!Files.exists(from, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                try (var walk = Files.walk(from)) {
                    for (Path f : walk.toList()) {
                        Path to = dir.resolve(Path.of("/etc").relativize(f).toString());
                        if (Files.isSymbolicLink(f)) Files.createSymbolicLink(to, Files.readSymbolicLink(f));
                        else if (Files.isDirectory(f)) Files.createDirectories(to);
                        else Files.copy(f, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "mcs-sandbox-etc"));
            etcCopy = dir;
        } catch (IOException | RuntimeException e) {
            etcCopy = null;
        }
        return etcCopy;
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover copy of public /etc files is harmless
        }
    }

    /** Whether {@code p} is inside the system view every run gets anyway. */
    static boolean isSystem(Path p) {
        String s = p.toAbsolutePath().normalize().toString();
        for (String sys : SYSTEM) if (s.equals(sys) || s.startsWith(sys + "/")) return true;
        for (String l : ROOT_LINKS) if (s.equals(l) || s.startsWith(l + "/")) return true;
        return false;
    }

    /**
     * @param visible files and folders shown read-only at their own paths
     * @param priv the private directory (read-write, also the working directory)
     * @param env variables set inside (after clearing everything)
     * @param command what runs inside
     */
    static List<String> argv(List<Path> visible, Path priv, Map<String, String> env, List<String> command) {
        List<String> a = new ArrayList<>(List.of(executable == null ? "bwrap" : executable,
                "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try",
                "--uid", "65534", "--gid", "65534", "--die-with-parent", "--new-session", "--hostname", "sandbox"));
        a.addAll(systemView());
        Path staged = stagedEtc();
        if (staged != null) {
            a.addAll(List.of("--ro-bind", staged.toString(), "/etc"));
        } else {
            for (String e : etcEntries()) a.addAll(List.of("--ro-bind-try", "/etc/" + e, "/etc/" + e));
        }
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        for (Path v : visible) {
            String s = v.toAbsolutePath().normalize().toString();
            a.addAll(List.of("--ro-bind", s, s));
        }
        String d = priv.toAbsolutePath().toString();
        a.addAll(List.of("--bind", d, d, "--remount-ro", "/", "--clearenv"));
        for (Map.Entry<String, String> e : env.entrySet()) a.addAll(List.of("--setenv", e.getKey(), e.getValue()));
        a.addAll(List.of("--chdir", d, "--"));
        a.addAll(command);
        return a;
    }
}
