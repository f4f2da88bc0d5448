package mcs.verifier.arena;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of {@code ranking.json} (SPEC §5 fields first). {@code rank} is null for the virtual best
 * solver, which is listed last and marked {@code virtual}.
 *
 * @param timeS total wall seconds of the CORRECT runs
 * @param par2 PAR-2 score: wall seconds of each CORRECT run plus twice the limit for every other run
 */
public record Standing(String solver, Integer rank, int correct, int wrong, int unknown, int timeout, int error, int memout,
        double timeS, double par2, boolean virtual) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("solver", solver);
        m.put("rank", rank);
        m.put("correct", correct);
        m.put("wrong", wrong);
        m.put("unknown", unknown);
        m.put("timeout", timeout);
        m.put("error", error);
        m.put("memout", memout);
        m.put("time_s", Math.round(timeS * 1000) / 1000.0);
        m.put("par2", Math.round(par2 * 1000) / 1000.0);
        if (virtual) m.put("virtual", true);
        return m;
    }
}
