package mcs.verifier.serve.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.verifier.arena.Category;
import mcs.verifier.arena.RunRow;
import mcs.verifier.arena.Scoring;
import mcs.verifier.arena.Standing;

/**
 * A leaderboard per problem and tier of the record, ranked by the arena's own scoring
 * ({@link Scoring#rank}, {@code errors-first}: a wrong answer ranks below any number of unsolved
 * instances).
 *
 * <p>Entrants are of two kinds. {@code USER (claims)} holds every claim an account made on the tier's
 * instances (or on files with the same bytes): per instance, CORRECT when a claim was ACCEPTED, WRONG when
 * any claim on it was REJECTED (as in PACE, a wrong answer is not taken back by a later right one),
 * UNKNOWN when it was only UNVERIFIED. {@code USER/SOLVER} is a submitted solver: the arena runs of the
 * newest submission of that name by that account.
 */
public final class Leaderboard {
    public static final String SCORING = "errors-first";
    private final Database db;

    public Leaderboard(Database db) {
        this.db = db;
    }

    /** The (problem, tier) pairs of the record that have a board. */
    public List<String[]> boards() {
        return db.read(c -> {
            List<String[]> l = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT problem, tier FROM record_instances ORDER BY problem, tier"); ResultSet r = p.executeQuery()) {
                while (r.next()) l.add(new String[] {r.getString(1), r.getString(2)});
            }
            return l;
        });
    }

    /** The ranking of one board (without the arena's virtual best solver). */
    public List<Standing> rank(String problem, String tier) {
        List<RunRow> rows = new ArrayList<>();
        List<String> entrants = new ArrayList<>();
        db.read(c -> {
            Map<String, Map<String, Category>> claims = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT u.name, c.instance_sha256, c.verdict FROM claim_results c "
                    + "JOIN submissions s ON s.id = c.submission_id JOIN users u ON u.id = s.user_id "
                    + "WHERE c.instance_sha256 IN (SELECT sha256 FROM record_instances WHERE problem = ? AND tier = ?) ORDER BY s.created_ms, c.ordinal")) {
                p.setString(1, problem);
                p.setString(2, tier);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Category cat = switch (r.getString(3)) {
                            case "ACCEPTED" -> Category.CORRECT;
                            case "REJECTED" -> Category.WRONG;
                            default -> Category.UNKNOWN;
                        };
                        claims.computeIfAbsent(r.getString(1) + " (claims)", k -> new LinkedHashMap<>()).merge(r.getString(2), cat, Leaderboard::worse);
                    }
                }
            }
            for (var e : claims.entrySet()) {
                entrants.add(e.getKey());
                for (var i : e.getValue().entrySet())
                    rows.add(new RunRow(e.getKey() + "/" + i.getKey(), e.getKey(), i.getKey(), 0, i.getValue(), null, null, 0, -1, -1, i.getKey(), "done", null, null));
            }
            Map<String, String> newest = new HashMap<>();
            List<Object[]> runs = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT u.name, a.solver, a.instance_sha256, a.category, a.wall_s, a.run_id, s.id FROM arena_runs a "
                    + "JOIN submissions s ON s.id = a.submission_id JOIN users u ON u.id = s.user_id "
                    + "WHERE a.instance_sha256 IN (SELECT sha256 FROM record_instances WHERE problem = ? AND tier = ?) ORDER BY s.created_ms, s.id")) {
                p.setString(1, problem);
                p.setString(2, tier);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        String entrant = r.getString(1) + "/" + r.getString(2);
                        newest.put(entrant, r.getString(7));
                        runs.add(new Object[] {entrant, r.getString(3), r.getString(4), r.getDouble(5), r.getString(6), r.getString(7)});
                    }
                }
            }
            for (Object[] x : runs) {
                String entrant = (String) x[0];
                if (!x[5].equals(newest.get(entrant))) continue;
                if (!entrants.contains(entrant)) entrants.add(entrant);
                rows.add(new RunRow((String) x[4], entrant, (String) x[1], 0, Category.valueOf((String) x[2]), null, null, (Double) x[3], -1, -1, (String) x[1], "done", null, null));
            }
            return null;
        });
        if (entrants.isEmpty()) return List.of();
        List<Standing> ranked = new ArrayList<>(Scoring.rank(rows, entrants, SCORING, 0));
        ranked.removeIf(Standing::virtual);
        return ranked;
    }

    /** WRONG over everything, then CORRECT over UNKNOWN: one wrong claim on an instance marks it wrong. */
    private static Category worse(Category a, Category b) {
        if (a == Category.WRONG || b == Category.WRONG) return Category.WRONG;
        if (a == Category.CORRECT || b == Category.CORRECT) return Category.CORRECT;
        return a;
    }
}
