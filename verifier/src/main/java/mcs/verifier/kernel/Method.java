package mcs.verifier.kernel;

/** How a verdict was reached (SPEC §5 {@code method}). */
public enum Method {
    EXACT("exact"),
    RIGOROUS_FLOAT("rigorous-float"),
    TOLERANCE("tolerance");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
