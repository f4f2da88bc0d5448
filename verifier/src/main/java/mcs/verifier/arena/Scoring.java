package mcs.verifier.arena;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scoring as pure functions of the results table. In every scheme the first key is the number of WRONG
 * answers (fewer is better), so a wrong answer ranks below any number of unsolved instances; then:
 * <ul>
 *   <li>{@code errors-first} (SMT-COMP): wrong, then correct (more is better), then time of the correct runs;
 *   <li>{@code solved-time} (PACE): wrong, then correct, then total time of the correct runs;
 *   <li>{@code par2} (SAT competition): wrong, then PAR-2 (each unsolved run costs twice the limit).
 * </ul>
 * Ties keep plan order and share no rank (ranks are 1, 2, 3, … in list order). The two first schemes
 * differ in what breaks ties inside one wrong count: errors-first also counts ERROR and MEMOUT runs
 * (fewer is better) before time, as SMT-COMP penalises crashes over slowness. Cost: O(R log R) for R rows.
 */
public final class Scoring {
    private Scoring() {}

    /**
     * Re-categorises answers that contradict a verified answer of another solver on the same instance
     * (same instance SHA-256): such a row becomes WRONG. Applied before ranking, on the whole table, so
     * that it does not depend on the order in which runs finished (or on sharding).
     */
    public static List<RunRow> reconcile(List<RunRow> rows) {
        Map<String, Set<String>> verified = new HashMap<>();
        Map<String, String> by = new HashMap<>();
        for (RunRow r : rows) {
            if (r.category() == Category.CORRECT) {
                verified.computeIfAbsent(r.instanceSha256(), k -> new TreeSet<>()).add(r.verdict());
                by.putIfAbsent(r.instanceSha256() + "|" + r.verdict(), r.solver());
            }
        }
        List<RunRow> out = new ArrayList<>(rows.size());
        for (RunRow r : rows) {
            Set<String> v = verified.get(r.instanceSha256());
            boolean answers = !"UNKNOWN".equals(r.verdict()) && (r.category() == Category.CORRECT || r.category() == Category.UNKNOWN);
            if (answers && v != null && v.size() == 1 && !v.contains(r.verdict())) {
                String other = v.iterator().next();
                out.add(r.withCategory(Category.WRONG, "claimed " + r.verdict() + ", contradicting the verified answer " + other
                        + " of " + by.get(r.instanceSha256() + "|" + other)));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The ranking of {@code solvers} (plan order breaks ties) under {@code scheme}, then the virtual best solver. */
    public static List<Standing> rank(List<RunRow> rows, List<String> solvers, String scheme, double limitS) {
        Map<String, List<RunRow>> per = new LinkedHashMap<>();
        for (String s : solvers) per.put(s, new ArrayList<>());
        for (RunRow r : rows) per.computeIfAbsent(r.solver(), k -> new ArrayList<>()).add(r);
        List<Standing> st = new ArrayList<>();
        for (var e : per.entrySet()) st.add(standing(e.getKey(), e.getValue(), limitS, null, false));
        Comparator<Standing> byWrong = Comparator.comparingInt(Standing::wrong);
        Comparator<Standing> c = switch (scheme) {
            case "errors-first" -> byWrong.thenComparing(Comparator.comparingInt(Standing::correct).reversed())
                    .thenComparingInt(s -> s.error() + s.memout()).thenComparingDouble(Standing::timeS);
            case "solved-time" -> byWrong.thenComparing(Comparator.comparingInt(Standing::correct).reversed()).thenComparingDouble(Standing::timeS);
            case "par2" -> byWrong.thenComparingDouble(Standing::par2);
            default -> throw new IllegalArgumentException("unknown scoring '" + scheme + "'");
        };
        List<Standing> sorted = new ArrayList<>(st);
        sorted.sort(c);
        List<Standing> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Standing s = sorted.get(i);
            out.add(new Standing(s.solver(), i + 1, s.correct(), s.wrong(), s.unknown(), s.timeout(), s.error(), s.memout(), s.timeS(), s.par2(), false));
        }
        out.add(virtualBest(rows, limitS));
        return out;
    }

    /**
     * The virtual best solver: for each (instance, seed), the fastest CORRECT run of any solver; a pair no
     * solver got right counts as unsolved (UNKNOWN) with PAR-2 cost twice the limit.
     */
    public static Standing virtualBest(List<RunRow> rows, double limitS) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (RunRow r : rows) {
            String key = r.instanceSha256() + "|" + r.seed();
            best.putIfAbsent(key, null);
            if (r.solved()) best.merge(key, r.wallS(), (a, b) -> a == null ? b : Math.min(a, b));
        }
        int correct = 0;
        double time = 0, par2 = 0;
        for (Double t : best.values()) {
            if (t != null) {
                correct++;
                time += t;
                par2 += t;
            } else {
                par2 += 2 * limitS;
            }
        }
        return new Standing("virtual-best", null, correct, 0, best.size() - correct, 0, 0, 0, time, par2, true);
    }

    static Standing standing(String solver, List<RunRow> rows, double limitS, Integer rank, boolean virtual) {
        int[] n = new int[Category.values().length];
        double time = 0, par2 = 0;
        for (RunRow r : rows) {
            n[r.category().ordinal()]++;
            if (r.solved()) {
                time += r.wallS();
                par2 += r.wallS();
            } else {
                par2 += 2 * limitS;
            }
        }
        return new Standing(solver, rank, n[Category.CORRECT.ordinal()], n[Category.WRONG.ordinal()], n[Category.UNKNOWN.ordinal()],
                n[Category.TIMEOUT.ordinal()], n[Category.ERROR.ordinal()], n[Category.MEMOUT.ordinal()], time, par2, virtual);
    }
}
