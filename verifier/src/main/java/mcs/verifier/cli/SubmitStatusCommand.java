package mcs.verifier.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import mcs.verifier.serve.client.ServiceClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcs submit status ID --server URL}: the report and exit code of a submission already sent. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
    "Prints the state of a submission sent to a service, and its report once judged. Exit codes as 'submit check' (0, 3, 4),",
    "4 while it is not judged yet (without --wait), 2 for an unknown id, 1 when the service failed it."
})
final class SubmitStatusCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The submission's id (printed by 'submit send').")
    String id;

    @Option(names = "--server", paramLabel = "URL", description = "The service (or MCS_SERVER, or server=URL in the config file).")
    String server;

    @Option(names = "--wait", description = "Wait for the final verdict.")
    boolean await;

    @Option(names = "--json", description = "Print the report as JSON: the object of 'submit check --json', plus id.")
    boolean json;

    @Option(names = "--retry", paramLabel = "S", defaultValue = "120", description = "Seconds to keep retrying while the service is unreachable. Default: ${DEFAULT-VALUE}.")
    double retryS;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        URI url = ServiceOutput.server(server);
        ServiceClient client = new ServiceClient(url, ServiceClient.token(), (long) (retryS * 1000));
        try {
            JsonNode s = await ? client.await(id, st -> ServiceOutput.progress(err, st)) : client.status(id, 0);
            return ServiceOutput.print(s, url, json, out);
        } catch (ServiceClient.Refused e) {
            throw new UsageException(e.getMessage());
        } catch (ServiceClient.Unavailable e) {
            err.println("mcs: error: " + e.getMessage());
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }
}
