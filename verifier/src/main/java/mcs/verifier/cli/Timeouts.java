package mcs.verifier.cli;

/**
 * The one meaning of {@code --timeout S} in every command: a wall-clock limit in seconds, where 0 (the
 * default everywhere) means none. What it limits is the command's unit of work, named in its help.
 */
final class Timeouts {
    static final String WHOLE_RUN = "Wall-clock limit in seconds (0: none). Default: 0.";
    static final String PER_INSTANCE = "Wall-clock limit in seconds per instance (0: none). Default: 0.";

    private Timeouts() {}

    /** @throws UsageException for a negative or non-finite limit */
    static void check(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) throw new UsageException("--timeout must be a number of seconds >= 0 (0: none), got " + seconds);
    }
}
