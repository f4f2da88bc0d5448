package mcs.verifier.serve.store;

import java.util.regex.Pattern;

/**
 * File names that a submission may use for its files (the paths its descriptor names, relative to the
 * descriptor's folder): at most 8 segments of letters, digits, {@code . _ -}, none starting with a dot, at
 * most 200 characters. So no absolute path, no {@code ..}, no hidden file, no backslash, no NUL. The names
 * are labels in the store; only the worker turns them into files, inside a fresh folder of its own, after
 * checking them again.
 */
public final class Names {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    private Names() {}

    public static boolean valid(String name) {
        if (name == null || name.isEmpty() || name.length() > 200) return false;
        String[] parts = name.split("/", -1);
        if (parts.length > 8) return false;
        for (String p : parts) if (!SEGMENT.matcher(p).matches()) return false;
        return true;
    }

    /** Why a name is refused, for the error message. */
    public static String rule() {
        return "a relative path of at most 8 segments of letters, digits, '.', '_' and '-' (no segment starting with '.', no '..')";
    }
}
