package mcs.verifier.kernel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Shared rejection messages and locations (1-based in every message and location). */
final class Checks {
    private Checks() {}

    /** Location of entry (i, j) (0-based in, 1-based out); {@code index} is the 1-based list position or −1. */
    static Map<String, Object> at(int i, int j, int index) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (i >= 0) m.put("i", i + 1);
        if (j >= 0) m.put("j", j + 1);
        if (index >= 0) m.put("index", index);
        return m;
    }

    static Judgement outOfRange(String list, int index, int i, int j, int n) {
        return Judgement.rejected("index", list + " item " + index + " at (" + (i + 1) + "," + (j + 1)
                + ") is out of range for order " + n, Method.EXACT, at(i, j, index));
    }

    static Judgement duplicate(int index, int i, int j) {
        return Judgement.rejected("duplicate", "entry " + index + " repeats position (" + (i + 1) + "," + (j + 1) + ")",
                Method.EXACT, at(i, j, index));
    }
}
