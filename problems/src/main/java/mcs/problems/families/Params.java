package mcs.problems.families;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mcs.problems.exact.Rational;

/**
 * The parameters given to one {@link Family#generate} call, checked against the family's declared
 * list: unknown names are refused, absent ones take their defaults, and every accessor throws
 * {@link IllegalArgumentException} with a one-line message naming the family and the parameter.
 */
final class Params {
    private final String family;
    private final List<Parameter> declared;
    private final Map<String, String> effective = new LinkedHashMap<>();

    Params(String family, List<Parameter> declared, Map<String, String> given) {
        this.family = family;
        this.declared = declared;
        Map<String, String> in = given == null ? Map.of() : given;
        for (String key : in.keySet().stream().sorted().toList()) {
            if (declared.stream().noneMatch(p -> p.name().equals(key))) {
                String known = declared.isEmpty() ? "none" : declared.stream().map(Parameter::name).collect(Collectors.joining(", "));
                throw new IllegalArgumentException("unknown parameter '" + key + "' for family '" + family + "' (known: " + known + ")");
            }
        }
        for (Parameter p : declared) {
            String v = in.get(p.name());
            effective.put(p.name(), v == null ? p.defaultValue() : v.trim());
        }
    }

    String family() {
        return family;
    }

    /** family, n, seed, then every declared parameter with its effective value, in declared order. */
    Map<String, String> provenance(int n, long seed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("family", family);
        m.put("n", Integer.toString(n));
        m.put("seed", Long.toString(seed));
        for (Parameter p : declared) m.put(p.name(), effective.get(p.name()));
        return Collections.unmodifiableMap(m);
    }

    String text(String name) {
        String v = effective.get(name);
        if (v == null) throw new IllegalStateException("family '" + family + "' reads undeclared parameter '" + name + "'");
        return v;
    }

    int integer(String name, int min, int max) {
        String v = text(name);
        int x;
        try {
            x = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(name, v, "an integer");
        }
        if (x < min || x > max) throw bad(name, v, "an integer in [" + min + ", " + max + "]");
        return x;
    }

    Rational rational(String name) {
        String v = text(name);
        try {
            return Rational.parse(v);
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(name, v, "a rational (decimal or p/q)");
        }
    }

    String choice(String name, String... options) {
        String v = text(name);
        for (String o : options) if (o.equals(v)) return v;
        throw bad(name, v, "one of " + String.join("|", options));
    }

    boolean bool(String name) {
        return choice(name, "true", "false").equals("true");
    }

    IllegalArgumentException bad(String name, String value, String expected) {
        return new IllegalArgumentException("parameter '" + name + "' of family '" + family + "' must be " + expected + ", got '" + value + "'");
    }
}
