package mcs.verifier.sandbox;

import java.util.Locale;

/**
 * How an untrusted run is isolated: {@link #BWRAP} (the default for every untrusted run) or {@link #NONE},
 * the explicit opt-out, which every report records.
 */
public enum Isolation {
    /** bubblewrap namespaces with a read-only view of the system, plus prlimit and (where writable) cgroups. */
    BWRAP("bwrap"),
    /** No namespaces: the run sees what the judge sees. Limits (prlimit, cgroups) and the kill still apply. */
    NONE("none");

    private final String id;

    Isolation(String id) {
        this.id = id;
    }

    /** The name used on the command line, in plans, descriptors and reports. */
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Isolation parse(String s) {
        for (Isolation i : values()) if (i.id.equals(s.toLowerCase(Locale.ROOT))) return i;
        throw new IllegalArgumentException("isolation must be 'bwrap' or 'none', got '" + s + "'");
    }

    @Override
    public String toString() {
        return id;
    }
}
