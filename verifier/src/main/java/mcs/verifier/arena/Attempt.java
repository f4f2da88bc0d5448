package mcs.verifier.arena;

/**
 * What one run produced before judging.
 *
 * @param termination BenchExec-style termination reason: {@code done} (the solver answered or exited by
 *     itself), {@code timeout}, {@code memory}, {@code killed} (another limit: file size, private disk),
 *     {@code failed} (crashed, garbled output)
 * @param exitCode the external command's exit code, or null (worker runs, killed runs)
 * @param verdict the claimed verdict (COMPLETABLE, NOT_COMPLETABLE, SOLVED, UNKNOWN) when the run answered, else null
 * @param message the solver's note, or what went wrong
 * @param isolation how the run was isolated: {@code bwrap} or {@code none} (external commands, see
 *     {@link mcs.verifier.sandbox.Sandbox}) or {@code worker} (the plan owner's SPI solvers in a warm worker JVM)
 * @param certificate the certificate's bytes as the judge copied them after the run, or null
 * @param certificateOverCap whether the certificate was over the plan's {@code certificate_cap_mb}
 * @param certificateProblem why a certificate file that exists was not taken (a link, over the cap), or null
 */
record Attempt(String termination, Integer exitCode, String verdict, String message, double wallS, double cpuS, double peakRssMb,
        String isolation, byte[] certificate, boolean certificateOverCap, String certificateProblem) {

    /** A worker run (no certificate attached yet). */
    Attempt(String termination, Integer exitCode, String verdict, String message, double wallS, double cpuS, double peakRssMb) {
        this(termination, exitCode, verdict, message, wallS, cpuS, peakRssMb, "worker", null, false, null);
    }

    Attempt withCertificate(byte[] bytes, boolean overCap, String problem) {
        return new Attempt(termination, exitCode, verdict, message, wallS, cpuS, peakRssMb, isolation, bytes, overCap, problem);
    }
}
