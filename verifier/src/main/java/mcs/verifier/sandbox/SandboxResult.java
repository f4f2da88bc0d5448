package mcs.verifier.sandbox;

/**
 * What an untrusted run did, measured and collected by the judge after every process of the run has ended.
 *
 * @param isolation what isolated it: {@code bwrap} or {@code none} (recorded with every result)
 * @param limits how its limits were enforced: {@code cgroup+prlimit} or {@code prlimit}
 * @param termination BenchExec-style: {@code done} (it exited by itself), {@code timeout} (wall-clock or CPU
 *     limit), {@code memory} (memory limit), {@code killed} (another limit: file size, private disk space),
 *     {@code failed} (it could not be started)
 * @param exitCode its exit code (128 + signal when a signal ended it), or null when the judge killed it
 * @param reason why it was ended, or notes on a normal end (processes left running, output cut); may be empty
 * @param cpuS CPU seconds of all its processes (−1 when unknown)
 * @param peakRssMb largest sampled resident memory of all its processes together, in MiB (−1 when unknown)
 * @param stdout the first {@link Limits#outputCapBytes()} bytes of its standard output (UTF-8)
 * @param stdoutDropped bytes of standard output beyond the cap (read and dropped)
 * @param stderr the first bytes of its standard error
 * @param certificate the bytes of CERT_OUT, copied after the run ended; null when there is none, it is over
 *     the cap, or it is not a plain file
 * @param certificateOverCap whether CERT_OUT held more than {@link Limits#certificateCapBytes()}
 * @param certificateProblem why a CERT_OUT that exists was not taken (a link, not a regular file, over the
 *     cap), else null
 */
public record SandboxResult(
        String isolation,
        String limits,
        String termination,
        Integer exitCode,
        String reason,
        double wallS,
        double cpuS,
        double peakRssMb,
        String stdout,
        long stdoutDropped,
        String stderr,
        byte[] certificate,
        boolean certificateOverCap,
        String certificateProblem) {

    /** Whether the run ended by itself (any exit code). */
    public boolean exited() {
        return "done".equals(termination);
    }
}
