package mcs.verifier.serve.store;

import java.sql.SQLException;

/** The store failed (or is away) after the retries: the request answers 503, a worker backs off and retries. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(SQLException cause) {
        super("store: " + (cause == null ? "failed" : cause.getMessage()), cause);
    }

    /** Whether the failure is a transient one (store away or contended), as opposed to a broken statement. */
    public boolean transientFailure() {
        return getCause() instanceof SQLException s && Database.transient_(s);
    }
}
