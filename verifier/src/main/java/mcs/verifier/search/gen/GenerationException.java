package mcs.verifier.search.gen;

/** A generator could not produce a value (e.g. a filter rejected too many draws). */
public final class GenerationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }
}
