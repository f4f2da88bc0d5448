package mcs.verifier.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mcs.problems.exact.Rational;
import mcs.problems.families.Families;
import mcs.problems.families.Family;
import mcs.problems.families.Parameter;
import mcs.problems.spi.Solvers;

/**
 * Builds a {@link StudySpec} from command-line style arguments (shared by {@code mcs study} and the
 * ε-study of {@code mcs submit check}); every problem is an {@link IllegalArgumentException} with a
 * one-line reason.
 */
public final class StudyArgs {
    private StudyArgs() {}

    /** {@code A..B} (inclusive) or a comma list {@code 1,2,5}. */
    public static List<Long> seeds(String text) {
        String t = text.trim();
        List<Long> out = new ArrayList<>();
        try {
            int dots = t.indexOf("..");
            if (dots >= 0) {
                long a = Long.parseLong(t.substring(0, dots).trim()), b = Long.parseLong(t.substring(dots + 2).trim());
                if (b < a || b - a >= 10_000) throw new IllegalArgumentException("--seeds A..B needs A <= B and at most 10000 seeds, got " + text);
                for (long s = a; s <= b; s++) out.add(s);
            } else {
                for (String p : t.split(",")) out.add(Long.parseLong(p.trim()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds takes A..B or a comma list of integers, got '" + text + "'");
        }
        if (new HashSet<>(out).size() != out.size()) throw new IllegalArgumentException("--seeds lists a seed twice: " + text);
        return out;
    }

    /** Exact ε values in (0, 1), distinct, sorted from the largest (easiest) down. */
    public static List<Rational> epsilons(List<String> texts) {
        List<Rational> out = new ArrayList<>();
        for (String t : texts) {
            Rational e;
            try {
                e = Rational.parse(t.trim());
            } catch (NumberFormatException | ArithmeticException ex) {
                throw new IllegalArgumentException("--eps: '" + t + "' is not an exact number (decimal or p/q)");
            }
            if (e.signum() <= 0 || e.compareTo(Rational.ONE) >= 0) throw new IllegalArgumentException("--eps values must lie in (0, 1), got " + t);
            if (out.contains(e)) throw new IllegalArgumentException("--eps lists " + t + " twice");
            out.add(e);
        }
        out.sort((a, b) -> b.compareTo(a));
        return out;
    }

    /** Sizes ≥ 1, distinct, increasing. */
    public static List<Integer> sizes(List<Integer> given) {
        List<Integer> out = new ArrayList<>(given);
        for (int n : out) if (n < 1 || n > 10_000_000) throw new IllegalArgumentException("--sizes must lie in [1, 10^7], got " + n);
        if (new HashSet<>(out).size() != out.size()) throw new IllegalArgumentException("--sizes lists a size twice");
        out.sort(null);
        return out;
    }

    /**
     * A command as given on the caller's command line, made to run from any folder: the program, and every
     * argument naming an existing file relative to {@code cwd}, become absolute; a bare program name is left
     * to the PATH.
     */
    public static List<String> command(List<String> argv, Path cwd) {
        if (argv == null || argv.isEmpty()) throw new IllegalArgumentException("--command needs a program");
        List<String> out = new ArrayList<>();
        for (int k = 0; k < argv.size(); k++) {
            String a = argv.get(k);
            boolean path = k == 0 ? a.contains("/") : !a.isEmpty() && !a.startsWith("-") && Files.exists(cwd.resolve(a));
            out.add(path && !Path.of(a).isAbsolute() ? cwd.resolve(a).normalize().toString() : a);
        }
        return out;
    }

    /** The family, which must exist; for an ε-study it must have an {@code eps} parameter. */
    public static Family family(String name, StudySpec.Kind kind, boolean epsGiven, Map<String, String> params) {
        Family f = Families.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown family '" + name + "'; see 'mcs generate --list'"));
        boolean hasEps = f.parameters().stream().map(Parameter::name).anyMatch("eps"::equals);
        if (params.containsKey("eps")) throw new IllegalArgumentException("give ε with --eps, not -P eps=...");
        if (kind == StudySpec.Kind.EPSILON && !hasEps) {
            throw new IllegalArgumentException("family '" + name + "' has no ε parameter; ε-studies need a family with a known gap (gap-cycles, gap-gamma2, gap-chordal, gap-planted)");
        }
        if (kind == StudySpec.Kind.SIZE && hasEps && !epsGiven) throw new IllegalArgumentException("family '" + name + "' has an ε parameter: give --eps E");
        if (kind == StudySpec.Kind.SIZE && !hasEps && epsGiven) throw new IllegalArgumentException("family '" + name + "' has no ε parameter: leave out --eps");
        Set<String> known = new HashSet<>();
        for (Parameter p : f.parameters()) known.add(p.name());
        for (String k : params.keySet()) if (!known.contains(k)) throw new IllegalArgumentException("unknown parameter '" + k + "' for family '" + name + "' (known: " + String.join(", ", known) + ")");
        return f;
    }

    /** The SPI solver must exist for the family's problem. */
    public static void solver(String spi, Family f) {
        if (Solvers.byName(spi, f.problem()).isEmpty()) throw new IllegalArgumentException("no solver '" + spi + "' for " + f.problem().id() + "; see 'mcs solvers'");
    }
}
