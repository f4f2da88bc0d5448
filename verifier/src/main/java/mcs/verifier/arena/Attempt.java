package mcs.verifier.arena;

/**
 * What one run produced before judging.
 *
 * @param termination BenchExec-style termination reason: {@code done} (the solver answered or exited by
 *     itself), {@code timeout}, {@code memory}, {@code failed} (crashed, garbled output)
 * @param exitCode the external command's exit code, or null (worker runs, killed runs)
 * @param verdict the claimed verdict (COMPLETABLE, NOT_COMPLETABLE, SOLVED, UNKNOWN) when the run answered, else null
 * @param message the solver's note, or what went wrong
 */
record Attempt(String termination, Integer exitCode, String verdict, String message, double wallS, double cpuS, double peakRssMb) {}
