package mcs.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one gate for tests that need an outside tool (chromium, csdp, dsdp, bwrap, postgres, cc).
 *
 * <p>On a developer's machine a missing tool skips the test and prints why, so {@code mvn verify} never
 * hides a skip. Where the environment variable {@value #ENV} names the tool (comma-separated, or
 * {@code all}), a missing tool fails the test instead: CI installs every tool and sets it, so a test that
 * can only pass with its tool can never be skipped there.
 */
public final class RequiredTool {
    public static final String ENV = "MCS_REQUIRE_TOOLS";

    private RequiredTool() {}

    /**
     * Skips or fails the calling test when {@code available} is false.
     *
     * @param tool the tool's name, also the test's JUnit tag (e.g. {@code "bwrap"})
     * @param available whether the tool was found and can run here
     * @param howToInstall what a developer would run to get it (e.g. {@code "apt-get install bubblewrap"})
     */
    public static void require(String tool, boolean available, String howToInstall) {
        if (available) {
            return;
        }
        String why = tool + " is not available here (" + howToInstall + ")";
        if (demanded(tool)) {
            Assertions.fail(why + ", but " + ENV + " demands it");
        }
        System.err.println("[skipped, needs " + tool + "] " + why);
        Assumptions.assumeTrue(false, why);
    }

    /** Whether {@value #ENV} demands this tool. */
    public static boolean demanded(String tool) {
        return demanded(tool, System.getenv(ENV));
    }

    static boolean demanded(String tool, String env) {
        if (env == null || env.isBlank()) {
            return false;
        }
        Set<String> names = Arrays.stream(env.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return names.contains("all") || names.contains(tool.toLowerCase(Locale.ROOT));
    }
}
