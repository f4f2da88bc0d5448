package mcs.verifier.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure scoring functions: worked examples computed by hand. */
class ScoringTest {
    private static RunRow row(String solver, String inst, long seed, Category c, String verdict, double wall) {
        return new RunRow(solver + inst + seed, solver, inst, seed, c, verdict, null, wall, -1, -1, "sha-" + inst, "done", null, null);
    }

    /** "good" solves 1 of 100, "liar" solves 100 of 100 but one answer is wrong, "idle" solves nothing. */
    private static List<RunRow> table() {
        List<RunRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String inst = "i" + i;
            rows.add(row("good", inst, 1, i == 0 ? Category.CORRECT : Category.TIMEOUT, i == 0 ? "COMPLETABLE" : "UNKNOWN", i == 0 ? 1.0 : 10.0));
            rows.add(row("liar", inst, 1, i == 7 ? Category.WRONG : Category.CORRECT, "COMPLETABLE", 0.5));
            rows.add(row("idle", inst, 1, Category.UNKNOWN, "UNKNOWN", 0.1));
        }
        return rows;
    }

    @Test
    void aWrongAnswerRanksBelowAnyNumberOfUnsolvedInEveryScheme() {
        for (String scheme : Plan.SCORINGS) {
            List<Standing> r = Scoring.rank(table(), List.of("liar", "good", "idle"), scheme, 10);
            assertEquals(List.of("good", "idle", "liar", "virtual-best"), r.stream().map(Standing::solver).toList(), scheme);
            assertEquals(3, r.get(2).rank());
            assertEquals(1, r.get(2).wrong());
            assertEquals(99, r.get(2).correct());
        }
    }

    @Test
    void par2ChargesTwiceTheLimitPerUnsolvedRun() {
        List<Standing> r = Scoring.rank(table(), List.of("good", "liar", "idle"), "par2", 10);
        Standing good = r.get(0);
        assertEquals(1.0 + 99 * 20.0, good.par2(), 1e-9);
        assertEquals(1.0, good.timeS(), 1e-9);
        Standing idle = r.get(1);
        assertEquals(100 * 20.0, idle.par2(), 1e-9);
    }

    @Test
    void solvedCountBeatsTimeAndTimeBreaksTies() {
        List<RunRow> rows = List.of(row("fast", "a", 1, Category.CORRECT, "COMPLETABLE", 1), row("fast", "b", 1, Category.TIMEOUT, "UNKNOWN", 5),
                row("slow", "a", 1, Category.CORRECT, "COMPLETABLE", 3), row("slow", "b", 1, Category.CORRECT, "COMPLETABLE", 4),
                row("twin", "a", 1, Category.CORRECT, "COMPLETABLE", 2), row("twin", "b", 1, Category.CORRECT, "COMPLETABLE", 2));
        List<Standing> r = Scoring.rank(rows, List.of("fast", "slow", "twin"), "solved-time", 5);
        assertEquals(List.of("twin", "slow", "fast", "virtual-best"), r.stream().map(Standing::solver).toList());
        Standing vbs = r.get(3);
        assertTrue(vbs.virtual());
        assertNull(vbs.rank());
        assertEquals(2, vbs.correct());
        assertEquals(1 + 2, vbs.timeS(), 1e-9, "fastest correct per instance: fast on a (1 s), twin on b (2 s)");
    }

    @Test
    void errorsFirstPutsCrashesBelowSlowness() {
        List<RunRow> rows = List.of(row("crashy", "a", 1, Category.CORRECT, "COMPLETABLE", 1), row("crashy", "b", 1, Category.ERROR, "UNKNOWN", 0),
                row("slow", "a", 1, Category.CORRECT, "COMPLETABLE", 9), row("slow", "b", 1, Category.UNKNOWN, "UNKNOWN", 9));
        assertEquals("slow", Scoring.rank(rows, List.of("crashy", "slow"), "errors-first", 10).get(0).solver());
        assertEquals("crashy", Scoring.rank(rows, List.of("crashy", "slow"), "solved-time", 10).get(0).solver());
    }

    @Test
    void reconcileMarksAnUnverifiedContradictionWrong() {
        List<RunRow> rows = List.of(row("a", "x", 1, Category.CORRECT, "NOT_COMPLETABLE", 1), row("b", "x", 1, Category.UNKNOWN, "COMPLETABLE", 1),
                row("c", "x", 2, Category.UNKNOWN, "UNKNOWN", 1), row("d", "y", 1, Category.UNKNOWN, "COMPLETABLE", 1));
        List<RunRow> out = Scoring.reconcile(rows);
        assertEquals(Category.CORRECT, out.get(0).category());
        assertEquals(Category.WRONG, out.get(1).category());
        assertTrue(out.get(1).reason().contains("NOT_COMPLETABLE of a"), out.get(1).reason());
        assertEquals(Category.UNKNOWN, out.get(2).category(), "saying UNKNOWN contradicts nothing");
        assertEquals(Category.UNKNOWN, out.get(3).category(), "no verified answer on y");
    }
}
