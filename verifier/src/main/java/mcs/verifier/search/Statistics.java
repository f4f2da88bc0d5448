package mcs.verifier.search;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Label counts over the tries of a run, printed as a histogram; checks minimum coverage. */
public final class Statistics {
    /** Labels in natural order: text, then a trailing number by value (n:3 before n:10). */
    private static final java.util.Comparator<String> NATURAL = java.util.Comparator.comparing(Statistics::stem)
            .thenComparingLong(Statistics::number).thenComparing(l -> l);

    private static String stem(String label) {
        int i = label.length();
        while (i > 0 && Character.isDigit(label.charAt(i - 1))) i--;
        return label.substring(0, i);
    }

    private static long number(String label) {
        String digits = label.substring(stem(label).length());
        return digits.isEmpty() || digits.length() > 18 ? -1 : Long.parseLong(digits);
    }

    private final Map<String, Long> counts = new TreeMap<>(NATURAL);
    private long tries;
    private long discarded;

    void add(List<String> labels, boolean discard) {
        tries++;
        if (discard) discarded++;
        for (String l : labels) counts.merge(l, 1L, Long::sum);
    }

    public long tries() {
        return tries;
    }

    public long discarded() {
        return discarded;
    }

    public Map<String, Long> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public double fraction(String label) {
        return tries == 0 ? 0 : counts.getOrDefault(label, 0L) / (double) tries;
    }

    /** Labels below their required fraction, as one-line complaints (empty: coverage is met). */
    public List<String> coverageFailures(Map<String, Double> min) {
        List<String> out = new ArrayList<>();
        for (var e : new TreeMap<>(min).entrySet()) {
            if (fraction(e.getKey()) < e.getValue()) out.add(String.format("label %s covers %.1f%% of the tries, below the required %.1f%%", e.getKey(), 100 * fraction(e.getKey()), 100 * e.getValue()));
        }
        return out;
    }

    public void print(PrintWriter out) {
        out.printf("tries: %d (discarded %d)%n", tries, discarded);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        for (var e : counts.entrySet()) {
            int bar = (int) Math.round(30.0 * e.getValue() / max);
            out.printf("  %-16s %7d %5.1f%% %s%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / Math.max(1, tries), "#".repeat(bar));
        }
    }
}
