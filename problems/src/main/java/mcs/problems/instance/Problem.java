package mcs.problems.instance;

/** The problems of SPEC §1, with the names used on the command line and in JSON. */
public enum Problem {
    PSD_COMPLETION("psd-completion"),
    APPROXIMATE_SQUARING("approximate-squaring"),
    PERMANENT("permanent"),
    HAFNIAN("hafnian"),
    PERMANENT_ESTIMATE("permanent-estimate"),
    /** Heuristic estimates of a hafnian (e.g. cumulant propagation); the value is scored, not verified. */
    HAFNIAN_ESTIMATE("hafnian-estimate"),
    LOOP_HAFNIAN("loop-hafnian");

    private final String id;

    Problem(String id) {
        this.id = id;
    }

    /** The SPEC name, e.g. {@code psd-completion}. */
    public String id() {
        return id;
    }

    /** Looks a problem up by its SPEC name. */
    public static Problem fromId(String id) {
        for (Problem p : values()) if (p.id.equals(id)) return p;
        throw new IllegalArgumentException("unknown problem '" + id + "' (known: psd-completion, approximate-squaring, permanent, hafnian, permanent-estimate, hafnian-estimate, loop-hafnian)");
    }

    @Override
    public String toString() {
        return id;
    }
}
