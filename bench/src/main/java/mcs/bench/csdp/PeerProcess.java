package mcs.bench.csdp;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a peer solver (CSDP, DSDP) as an external process with {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS}
 * set to the thread count, its console captured to a log file, killed (process tree) at the time limit; CPU time and
 * peak memory from {@code /usr/bin/time -f} when that program exists. Also finds programs on PATH and installs
 * Debian packages when allowed and root.
 *
 * @param finished false when killed at the time limit
 * @param exitCode the process's exit code, −1 when killed
 * @param wallSeconds wall-clock seconds of the process
 * @param cpuSeconds user + system seconds, NaN when unavailable
 * @param peakRssMb peak resident set in MB, −1 when unavailable
 * @param console the captured output, without {@code /usr/bin/time}'s line
 */
record PeerProcess(boolean finished, int exitCode, double wallSeconds, double cpuSeconds, long peakRssMb, List<String> console) {
    private static final String TIME_MARK = "mcs-time-user-sys-rss ";
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        // a harness stopped by a signal must not leave a long peer run behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        })));
    }

    static PeerProcess run(List<String> command, Path log, int threads, double timeLimitSeconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/time"))) cmd.addAll(List.of("/usr/bin/time", "-f", TIME_MARK + "%U %S %M"));
        cmd.addAll(command);
        // run in the folder of the log: DSDP 5.8 appends a summary line to ./results-dsdp-5.8 on every solve
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(log.toAbsolutePath().getParent().toFile());
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        long t0 = System.nanoTime();
        Process p = pb.start();
        LIVE.add(p);
        boolean finished = p.waitFor((long) (timeLimitSeconds * 1000), TimeUnit.MILLISECONDS);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        LIVE.remove(p);
        List<String> console = new ArrayList<>();
        long rssMb = -1;
        double cpu = Double.NaN;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(TIME_MARK)) {
                String[] f = line.substring(TIME_MARK.length()).trim().split("\\s+");
                cpu = Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
                rssMb = Long.parseLong(f[2]) / 1024;
            } else {
                console.add(line);
            }
        }
        return new PeerProcess(finished, finished ? p.exitValue() : -1, wall, cpu, rssMb, console);
    }

    /** The program on PATH, if any. */
    static Optional<Path> which(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Makes {@code program} available: present on PATH, or installed with {@code apt-get update} and
     * {@code apt-get install -y packages} when allowed and root; else explains and returns empty.
     */
    static Optional<Path> ensure(String program, List<String> packages, boolean mayInstall, java.io.PrintStream log)
            throws IOException, InterruptedException {
        Optional<Path> found = which(program);
        if (found.isPresent()) return found;
        String pkgs = String.join(" ", packages);
        if (!mayInstall) {
            log.println(program + " is not on PATH and installation was disabled (--no-install): its column will be n/a");
            return Optional.empty();
        }
        if (!isRoot()) {
            log.println(program + " is not on PATH and this process is not root: install it with 'sudo apt-get update && sudo apt-get install -y "
                    + pkgs + "' (Debian/Ubuntu); its column will be n/a");
            return Optional.empty();
        }
        log.println(program + " is not on PATH: running apt-get update && apt-get install -y " + pkgs);
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y"));
        install.addAll(packages);
        for (List<String> cmd : List.of(List.of("apt-get", "update"), install)) {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            int rc = p.waitFor();
            if (rc != 0) {
                log.println("'" + String.join(" ", cmd) + "' failed with exit code " + rc + ": the " + program + " column will be n/a");
                return Optional.empty();
            }
        }
        found = which(program);
        if (found.isEmpty()) log.println(pkgs + " installed but no " + program + " is on PATH: its column will be n/a");
        return found;
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return false;
        }
    }
}
