package mcs.verifier.cli;

/** The exit codes of SPEC §5. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int INVALID_INPUT = 2;
    public static final int REJECTED = 3;
    public static final int LIMIT = 4;
}
