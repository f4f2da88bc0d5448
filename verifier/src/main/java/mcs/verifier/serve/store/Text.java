package mcs.verifier.serve.store;

/** Small helpers for text going into bounded columns. */
public final class Text {
    private Text() {}

    /** {@code s} cut to at most {@code max} characters (marked with an ellipsis), null stays null. */
    public static String cap(String s, int max) {
        if (s == null || s.length() <= max) return s;
        return s.substring(0, max - 1) + "…";
    }
}
