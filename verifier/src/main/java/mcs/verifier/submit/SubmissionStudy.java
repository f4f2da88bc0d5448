package mcs.verifier.submit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mcs.problems.exact.Rational;
import mcs.verifier.arena.Category;
import mcs.verifier.sandbox.Isolation;
import mcs.verifier.study.Study;
import mcs.verifier.study.StudyArgs;
import mcs.verifier.study.StudyPoint;
import mcs.verifier.study.StudyReport;
import mcs.verifier.study.StudyResult;
import mcs.verifier.study.StudySpec;

/**
 * The ε-study a submission asks for ({@code checks.study}): {@code mcs study epsilon} and {@code mcs study size}
 * on the submitted solver's command, through the arena like every other run of the examination. The report
 * gets α (time in 1/ε) and β (time in n·m) with their bootstrap intervals and the plain statement that
 * exponents measured on these sizes are evidence, not proof; a WRONG answer in a study is a finding.
 */
final class SubmissionStudy {
    private SubmissionStudy() {}

    /** Runs both studies into {@code work/study-epsilon} and {@code work/study-size}; returns the report's {@code study} section. */
    static Map<String, Object> run(Submission.SolverEntry solver, List<String> command, List<Path> visible, Isolation isolation, Submission.StudyRequest q,
            Path work, List<String> findings, PrintWriter err) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("statement", StudyResult.EVIDENCE);
        out.put("isolation", isolation.id());
        out.put("alpha", one(StudySpec.Kind.EPSILON, solver, command, visible, isolation, q, work.resolve("study-epsilon"), findings, err));
        out.put("beta", one(StudySpec.Kind.SIZE, solver, command, visible, isolation, q, work.resolve("study-size"), findings, err));
        return out;
    }

    private static Map<String, Object> one(StudySpec.Kind kind, Submission.SolverEntry solver, List<String> command, List<Path> visible, Isolation isolation,
            Submission.StudyRequest q, Path dir, List<String> findings, PrintWriter err) throws IOException {
        boolean eps = kind == StudySpec.Kind.EPSILON;
        List<Rational> epsList = StudyArgs.epsilons(eps ? q.eps() : List.of(q.sizeEps()));
        List<Integer> sizes = eps ? List.of(q.n()) : StudyArgs.sizes(q.sizes());
        boolean hasAnswer = q.params().containsKey("answer");
        String line = "mcs submit check: checks.study " + kind.id + " (" + (eps ? "n = " + q.n() + ", eps = " + q.eps() : "sizes = " + q.sizes() + ", eps = " + q.sizeEps())
                + ", family " + q.family() + ", seeds " + q.seeds() + ")";
        StudySpec spec = new StudySpec(kind, solver.name(), null, Map.of(), command, q.family(), q.params(), sizes, epsList,
                hasAnswer ? List.of() : List.of("yes", "no"), q.seeds(), 1, q.timeLimitSeconds(), 2048, 2000, 1, false, line, isolation, visible);
        err.println(line);
        err.flush();
        Study.deleteTree(dir);
        StudyResult r = Study.run(spec, dir, err, false);
        StudyReport.write(r, dir);
        for (StudyPoint p : r.points()) {
            if (p.category() == Category.WRONG) findings.add("study " + kind.id + ": " + p.instance() + " (" + dir + "): " + p.reason());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exponent", r.exponent());
        double[] ci = r.exponentCi();
        m.put("exponent_ci", ci == null ? null : List.of(ci[0], ci[1]));
        m.put("of", kind.of);
        m.put("headline", StudyReport.headline(r));
        m.put("by_side", StudyReport.bySide(r));
        m.put("family", q.family());
        if (eps) {
            m.put("n", q.n());
            m.put("eps", q.eps());
        } else {
            m.put("sizes", q.sizes());
            m.put("eps", q.sizeEps());
        }
        m.put("seeds", q.seeds());
        Map<String, Object> cf = new LinkedHashMap<>();
        for (StudyResult.Level l : r.levels()) cf.put(l.key(kind), l.skipped() ? null : l.correctFraction());
        m.put("correct_fraction", cf);
        m.put("wrong", r.wrong());
        m.put("report", dir.resolve(StudyReport.HTML_FILE).toString());
        return m;
    }
}
