package mcs.problems.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.cert.Certificate;

/**
 * What one {@link Property#check} found.
 *
 * @param outcome PASS, FAIL or DISCARD
 * @param message one line: why it failed, or a note
 * @param score for targeted search: larger means closer to failing; {@link Double#NaN} when the property
 *     has no score (targeted mode then walks at random on plateaus)
 * @param labels coverage labels of the try, e.g. {@code chordal}, {@code NO}, {@code n:4}
 * @param verdicts the answers involved, JSON-friendly, e.g. {@code {"solver": "COMPLETABLE", "reference": "NOT_COMPLETABLE"}}
 * @param certificate a kernel-verified certificate of the reference answer when one exists, else null
 */
public record PropertyResult(Outcome outcome, String message, double score, List<String> labels, Map<String, Object> verdicts, Certificate certificate) {
    public enum Outcome { PASS, FAIL, DISCARD }

    public PropertyResult {
        labels = List.copyOf(labels);
        verdicts = new LinkedHashMap<>(verdicts);
    }

    public static PropertyResult pass(double score, List<String> labels) {
        return new PropertyResult(Outcome.PASS, "", score, labels, Map.of(), null);
    }

    public static PropertyResult discard(String why, List<String> labels) {
        return new PropertyResult(Outcome.DISCARD, why, Double.NaN, labels, Map.of(), null);
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
