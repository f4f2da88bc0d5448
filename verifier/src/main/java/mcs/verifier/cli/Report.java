package mcs.verifier.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import mcs.problems.instance.Instance;
import mcs.problems.spi.SolverResult;
import mcs.verifier.kernel.Judgement;

/** Text and JSON renderings of command results; JSON field names follow SPEC §5. */
final class Report {
    /** Created on first use: building an ObjectMapper loads and initialises some 300 classes that text output never needs. */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Report() {}

    static void solve(PrintWriter out, boolean json, Instance inst, SolverResult r, SolveRunner.Outcome o, String certPath, long seed) {
        Map<String, Object> m = solveFields(inst, r, o, certPath, seed);
        if (json) {
            out.println(toJson(m));
        } else {
            out.printf("problem      %s (n = %d, m = %d)%n", inst.problem().id(), inst.n(), inst.m());
            out.printf("solver       %s%s%n", r.solver(), o.tried().size() > 1 ? "  (auto tried: " + String.join(", ", o.tried()) + ")" : "");
            out.printf("verdict      %s%n", r.verdict());
            if (r.value() != null) out.printf("value        %s%s%n", abbreviate(r.value()), r.exact() ? "  (exact)" : "");
            if (r.status() != mcs.problems.spi.Status.SOLVED) out.printf("status       %s%n", r.status());
            if (o.judgement() != null) {
                Judgement j = o.judgement();
                out.printf("kernel       %s by %s check '%s'%n", j.outcome(), j.method().id(), j.check());
                j.bounds().forEach((k, v) -> out.printf("  %-22s %s%n", k, abbreviate(v)));
            }
            if (certPath != null) out.printf("certificate  %s%n", certPath);
            if (r.message() != null && !r.message().isEmpty()) out.printf("note         %s%n", r.message());
            out.printf("time         %s s%n", SolveRunner.fmt(o.seconds()));
        }
        out.flush();
    }

    static Map<String, Object> solveFields(Instance inst, SolverResult r, SolveRunner.Outcome o, String certPath, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", inst.problem().id());
        m.put("solver", r.solver());
        m.put("verdict", r.verdict().name());
        m.put("value", r.value());
        m.put("exact", r.exact());
        m.put("certificate", certPath);
        m.put("seconds", o.seconds());
        m.put("n", inst.n());
        m.put("m", inst.m());
        m.put("status", r.status().name());
        m.put("message", r.message());
        m.put("seed", seed);
        m.put("tried", o.tried());
        if (o.judgement() != null) m.put("verification", judgementFields(o.judgement()));
        m.put("statistics", r.statistics());
        return m;
    }

    static Map<String, Object> judgementFields(Judgement j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", j.outcome().name());
        m.put("reason", j.reason());
        m.put("method", j.method().id());
        m.put("check", j.check());
        m.put("location", j.location());
        m.put("bounds", j.bounds());
        return m;
    }

    static void verify(PrintWriter out, boolean json, Judgement j, String instance, String certificate) {
        if (json) {
            Map<String, Object> m = judgementFields(j);
            m.put("instance", instance);
            m.put("certificate", certificate);
            out.println(toJson(m));
        } else {
            out.printf("%s  (%s, check '%s')%n", j.outcome(), j.method().id(), j.check());
            out.printf("reason   %s%n", j.reason());
            if (!j.location().isEmpty()) out.printf("where    %s%n", j.location());
            j.bounds().forEach((k, v) -> out.printf("  %-22s %s%n", k, abbreviate(v)));
        }
        out.flush();
    }

    /** Long numbers are shortened in text output (JSON always carries them in full). */
    static String abbreviate(String v) {
        if (v == null || v.length() <= 100) return v;
        return v.substring(0, 40) + "..." + v.substring(v.length() - 20) + "  (" + v.length() + " characters; --json prints it in full)";
    }

    static String toJson(Object o) {
        try {
            return Mapper.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
