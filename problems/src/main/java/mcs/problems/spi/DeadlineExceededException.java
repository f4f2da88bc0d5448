package mcs.problems.spi;

/** Thrown by {@link SolverOptions#checkDeadline()} so that long loops stop cooperatively. */
public final class DeadlineExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException() {
        super("deadline exceeded", null, false, false);
    }
}
