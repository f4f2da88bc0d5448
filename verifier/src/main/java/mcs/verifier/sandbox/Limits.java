package mcs.verifier.sandbox;

/**
 * Resource limits of one untrusted run. How each is enforced:
 * <ul>
 *   <li>{@code wallSeconds}: the launcher's clock; at the limit every process of the run gets SIGTERM, and
 *       SIGKILL after {@code graceSeconds};
 *   <li>{@code memoryMb}: resident memory of the run's processes, sampled every 20 ms (the run is ended like
 *       at the time limit), backed by a hard memory cgroup cap of 1.25·limit + 64 MB where cgroups exist;
 *   <li>{@code processes}: the pids cgroup cap (threads count), and {@code prlimit --nproc};
 *   <li>{@code fileSizeBytes}: {@code prlimit --fsize} (SIGXFSZ, or EFBIG when ignored) for every file it writes;
 *   <li>{@code diskBytes}: total bytes in its private directory, sampled every 100 ms;
 *   <li>{@code openFiles}: {@code prlimit --nofile};
 *   <li>CPU seconds: {@code prlimit --cpu}, wall limit × cores + grace (per process), so that only a run
 *       that would also exceed its wall-clock limit meets it;
 *   <li>{@code outputCapBytes}: bytes of stdout and of stderr kept (the rest is read and dropped);
 *   <li>{@code certificateCapBytes}: the largest certificate the judge copies out and reads.
 * </ul>
 */
public record Limits(
        double wallSeconds,
        double graceSeconds,
        int memoryMb,
        int processes,
        long fileSizeBytes,
        long diskBytes,
        int openFiles,
        int outputCapBytes,
        long certificateCapBytes) {

    /** Default certificate cap: 64 MiB (plans and descriptors set {@code certificate_cap_mb}). */
    public static final long DEFAULT_CERTIFICATE_CAP = 64L << 20;

    public Limits {
        if (!(wallSeconds > 0) || graceSeconds < 0 || memoryMb < 1 || processes < 1 || fileSizeBytes < 1 || diskBytes < 1 || openFiles < 16
                || outputCapBytes < 1 || certificateCapBytes < 1) {
            throw new IllegalArgumentException("invalid sandbox limits " + this);
        }
    }

    /**
     * Limits for a run of {@code wallSeconds} with {@code memoryMb}: 1 s grace, 256 processes, files up to
     * max(certificate cap + 1, 256 MiB), 1 GiB of private disk, 512 open files, 1 MiB of each output stream.
     */
    public static Limits of(double wallSeconds, int memoryMb, long certificateCapBytes) {
        long file = Math.max(certificateCapBytes + 1, 256L << 20);
        return new Limits(wallSeconds, 1, memoryMb, 256, file, Math.max(file, 1L << 30), 512, 1 << 20, certificateCapBytes);
    }

    public Limits withGrace(double s) {
        return new Limits(wallSeconds, s, memoryMb, processes, fileSizeBytes, diskBytes, openFiles, outputCapBytes, certificateCapBytes);
    }

    public Limits withOutputCap(int bytes) {
        return new Limits(wallSeconds, graceSeconds, memoryMb, processes, fileSizeBytes, diskBytes, openFiles, bytes, certificateCapBytes);
    }

    public Limits withProcesses(int k) {
        return new Limits(wallSeconds, graceSeconds, memoryMb, k, fileSizeBytes, diskBytes, openFiles, outputCapBytes, certificateCapBytes);
    }

    public Limits withFileSize(long bytes, long disk) {
        return new Limits(wallSeconds, graceSeconds, memoryMb, processes, bytes, disk, openFiles, outputCapBytes, certificateCapBytes);
    }

    /** CPU seconds per process: the wall limit on every core, plus the grace period and one second. */
    long cpuSeconds() {
        return (long) Math.ceil(wallSeconds * Runtime.getRuntime().availableProcessors() + graceSeconds) + 1;
    }
}
