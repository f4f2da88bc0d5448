package mcs.verifier.search.property;

import java.util.ArrayList;
import java.util.List;
import mcs.problems.cert.Verdict;
import mcs.problems.instance.Instance;
import mcs.problems.instance.Mc1Instance;

/** Coverage labels shared by the built-in properties: the order ({@code n:4}), chordality of G(Ω), and the reference answer. */
final class Labels {
    private Labels() {}

    static List<String> of(Instance inst) {
        List<String> l = new ArrayList<>();
        l.add("n:" + inst.n());
        if (inst instanceof Mc1Instance mc1) l.add(Cliques.chordal(mc1.matrix().pattern()) ? "chordal" : "non-chordal");
        return l;
    }

    static List<String> with(List<String> labels, Verdict v) {
        List<String> l = new ArrayList<>(labels);
        l.add(switch (v) {
            case COMPLETABLE -> "YES";
            case NOT_COMPLETABLE -> "NO";
            case SOLVED -> "SOLVED";
            case UNKNOWN -> "undecided";
        });
        return l;
    }
}
