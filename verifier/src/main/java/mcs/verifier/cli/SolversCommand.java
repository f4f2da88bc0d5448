package mcs.verifier.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.problems.spi.Solver;
import mcs.problems.spi.Solvers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcs solvers}: what is installed. */
@Command(name = "solvers", mixinStandardHelpOptions = true, description = "Lists the solvers found on the class path: name, problem, kind and guarantees.")
final class SolversCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print a JSON list.")
    boolean json;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Solver> all = Solvers.all();
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Solver s : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("problem", s.problem().id());
                m.put("kind", s.kind().name());
                m.put("auto_rank", s.autoRank());
                m.put("guarantees", s.guarantees());
                rows.add(m);
            }
            out.println(Report.toJson(rows));
        } else {
            out.printf("%-22s %-22s %-10s %s%n", "NAME", "PROBLEM", "KIND", "GUARANTEES");
            for (Solver s : all) out.printf("%-22s %-22s %-10s %s%n", s.name(), s.problem().id(), s.kind(), s.guarantees());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
