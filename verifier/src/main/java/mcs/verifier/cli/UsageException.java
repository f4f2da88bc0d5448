package mcs.verifier.cli;

/** A request the command cannot carry out as asked (bad option value, unknown solver): exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
