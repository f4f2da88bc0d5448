package mcs.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import mcs.verifier.serve.client.ServiceClient;
import mcs.verifier.submit.Submission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs submit send DESCRIPTOR --server URL}: posts a submission to a service and waits for its verdict. */
@Command(name = "send", mixinStandardHelpOptions = true, description = {
    "Uploads a submission descriptor (mcs-submission/1) and every file it names to a service (mcs serve), then waits for the verdict.",
    "The token comes from MCS_TOKEN or the line token=... of ~/.config/mcs/config. Exit codes as 'submit check': 0 accepted,",
    "3 rejected, 4 unverified (or past its limit); 2 for a bad descriptor or a refused request; 1 when the service failed."
})
final class SubmitSendCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DESCRIPTOR", description = "The submission descriptor (JSON); the files it names must lie in its folder.")
    Path descriptor;

    @Option(names = "--server", paramLabel = "URL", description = "The service, e.g. http://127.0.0.1:8080 (or MCS_SERVER, or server=URL in the config file).")
    String server;

    @Option(names = "--json", description = "Print the report as JSON: the object of 'submit check --json', plus id.")
    boolean json;

    @Option(names = "--no-wait", description = "Print only the submission's id and return once it is queued.")
    boolean noWait;

    @Option(names = "--retry", paramLabel = "S", defaultValue = "120", description = "Seconds to keep retrying while the service is unreachable. Default: ${DEFAULT-VALUE}.")
    double retryS;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        URI url = ServiceOutput.server(server);
        Submission s = Submission.read(descriptor);
        Map<String, Path> files;
        try {
            files = ServiceClient.files(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(descriptor + ": " + e.getMessage());
        }
        String token = ServiceClient.token();
        if (token == null) throw new UsageException("no token: set MCS_TOKEN (from 'mcs serve user add NAME'), or token=... in " + ServiceClient.configFile());
        ServiceClient client = new ServiceClient(url, token, (long) (retryS * 1000));
        long bytes = Files.size(descriptor);
        for (Path p : files.values()) bytes += Files.size(p);
        err.printf("mcs submit: sending %s and %d file(s), %d bytes, to %s%n", descriptor.getFileName(), files.size(), bytes, url);
        err.flush();
        try {
            JsonNode sent = client.send(descriptor, files);
            String id = sent.path("id").asText();
            if (noWait) {
                out.println(id);
                out.flush();
                return ExitCodes.OK;
            }
            err.printf("mcs submit: queued as %s (%s)%n", id, url.resolve("submissions/" + id));
            err.flush();
            JsonNode fin = client.await(id, st -> ServiceOutput.progress(err, st));
            return ServiceOutput.print(fin, url, json, out);
        } catch (ServiceClient.Refused e) {
            throw new UsageException(e.getMessage());
        } catch (ServiceClient.Unavailable e) {
            err.println("mcs: error: " + e.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }
}
