package mcs.verifier.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.verifier.serve.Service;
import mcs.verifier.serve.ServiceConfig;
import mcs.verifier.serve.store.Accounts;
import mcs.verifier.serve.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs serve}: the submission service; {@code mcs serve user ...}: its accounts. */
@Command(name = "serve", mixinStandardHelpOptions = true, subcommands = {ServeCommand.User.class}, description = {
    "Runs the submission service: a JSON API (docs/openapi.json) and web pages where claims and solvers are sent, judged by the",
    "kernel and the arena, kept, and ranked. The first line on stdout is 'listening on http://ADDR:PORT'; GET /health answers 200",
    "when it is ready. SIGTERM finishes running jobs (or gives them back to the queue) and stops. docs/SERVICE.md tells how to run",
    "it for a prize, on one machine or several."
})
final class ServeCommand implements Callable<Integer> {
    @Mixin StoreOptions store;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on. Default: ${DEFAULT-VALUE} (TLS belongs to a reverse proxy).")
    String bind;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--workers", paramLabel = "K", defaultValue = "2", description = "Judging threads in this process (0: only 'mcs worker' processes judge). Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--record", paramLabel = "DIR", defaultValue = "proofs-data", description = "The record: its instances are listed and ranked, its tiers run submitted solvers. Default: ${DEFAULT-VALUE}.")
    Path record;

    @Option(names = "--blobs", paramLabel = "DIR", description = "The blob store (content-addressed files). Default: DATA/blobs.")
    Path blobs;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "64", description = "Largest request accepted; larger ones get 413. Default: ${DEFAULT-VALUE}.")
    long maxUploadMb;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "30", description = "Default submissions a minute per token (an account's own limit overrides it). Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--per-day", paramLabel = "N", defaultValue = "200", description = "Default submissions per account per 24 h. Default: ${DEFAULT-VALUE}.")
    int perDay;

    @Option(names = "--total", paramLabel = "N", description = "Default submissions per account in all. Default: no limit.")
    Integer total;

    @Option(names = "--lease", paramLabel = "S", defaultValue = "30", description = "Seconds a worker's lease on a job lasts without a heartbeat. Default: ${DEFAULT-VALUE}.")
    double leaseS;

    @Option(names = "--grace", paramLabel = "S", defaultValue = "30", description = "Seconds SIGTERM waits for running jobs before re-queueing them. Default: ${DEFAULT-VALUE}.")
    double graceS;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) throw new UsageException("--port must be between 0 and 65535");
        if (workers < 0) throw new UsageException("--workers must be 0 or more");
        if (maxUploadMb <= 0) throw new UsageException("--max-upload-mb must be positive");
        if (leaseS < 2) throw new UsageException("--lease must be at least 2 seconds");
        Path data = store.data.toAbsolutePath().normalize();
        ServiceConfig c = new ServiceConfig(data, store.location(), blobs != null ? blobs.toAbsolutePath() : data.resolve("blobs"), bind, port, workers,
                record.toAbsolutePath(), maxUploadMb << 20, rate, perDay, total, (long) (leaseS * 1000), (long) (graceS * 1000));
        Service s = Service.start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "mcs-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("listening on " + s.url());
        out.flush();
        s.awaitStop();
        return ExitCodes.OK;
    }

    @Command(name = "user", mixinStandardHelpOptions = true, subcommands = {Add.class, Token.class, Revoke.class, Limits.class, ListUsers.class},
            description = "Accounts and API tokens of the service's store (works while the service runs).")
    static final class User implements Runnable {
        @Override
        public void run() {
            throw new UsageException("give a subcommand: add, token, revoke, limits or list (see 'mcs serve user --help')");
        }
    }

    abstract static class UserCommand implements Callable<Integer> {
        @Mixin StoreOptions store;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        abstract int run(Accounts a, PrintWriter out);

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(store.location(), 2)) {
                PrintWriter out = spec.commandLine().getOut();
                int code = run(new Accounts(db, System::currentTimeMillis), out);
                out.flush();
                return code;
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Creates an account and prints its first API token, alone, on stdout (only its hash is kept).")
    static final class Add extends UserCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin LimitOptions limits;

        @Override
        int run(Accounts a, PrintWriter out) {
            String token = a.addUser(name);
            if (limits.any()) a.setLimits(name, limits.rate, limits.perDay, limits.total);
            out.println(token);
            return ExitCodes.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Prints a further API token of an existing account, alone, on stdout.")
    static final class Token extends UserCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(Accounts a, PrintWriter out) {
            out.println(a.addToken(name));
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes every token of an account (and its browser sessions), at once, also in a running service.")
    static final class Revoke extends UserCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        int run(Accounts a, PrintWriter out) {
            int n = a.revoke(name);
            spec.commandLine().getErr().println("mcs serve: revoked " + n + " token(s) of " + name);
            spec.commandLine().getErr().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "limits", mixinStandardHelpOptions = true, description = "Sets an account's rate limit and quotas (-1 resets one to the service's default).")
    static final class Limits extends UserCommand {
        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Mixin LimitOptions limits;

        @Override
        int run(Accounts a, PrintWriter out) {
            if (!limits.any()) throw new UsageException("give --rate, --per-day and/or --total");
            a.setLimits(name, limits.rate, limits.perDay, limits.total);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts with their live tokens and limits (never a token).")
    static final class ListUsers extends UserCommand {
        @Override
        int run(Accounts a, PrintWriter out) {
            out.printf("%-24s %6s %8s %8s %8s%n", "user", "tokens", "rate/min", "per-day", "total");
            for (Map.Entry<Accounts.User, Integer> e : a.list()) {
                Accounts.User u = e.getKey();
                out.printf("%-24s %6d %8s %8s %8s%n", u.name(), e.getValue(), dflt(u.ratePerMinute()), dflt(u.quotaPerDay()), dflt(u.quotaTotal()));
            }
            return ExitCodes.OK;
        }

        private static String dflt(Integer v) {
            return v == null ? "default" : v.toString();
        }
    }

    static final class LimitOptions {
        @Option(names = "--rate", paramLabel = "N", description = "Submissions a minute per token.") Integer rate;
        @Option(names = "--per-day", paramLabel = "N", description = "Submissions per 24 h.") Integer perDay;
        @Option(names = "--total", paramLabel = "N", description = "Submissions in all.") Integer total;

        boolean any() {
            return rate != null || perDay != null || total != null;
        }
    }
}
