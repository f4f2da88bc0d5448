package mcs.verifier.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code mcs --version}: the version from the jar manifest and the git commit the build came from
 * ({@code git.properties}, written at build time; a "-dirty" suffix when the working tree had changes).
 */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mcs " + (v == null ? "development build" : v) + " (commit " + commit() + ")", "Java " + System.getProperty("java.version")};
    }

    /** The abbreviated commit id, "-dirty" when built from a changed tree, or "unknown" outside a git checkout. */
    static String commit() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/mcs/verifier/git.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        String id = p.getProperty("git.commit.id.abbrev", "");
        if (id.isBlank()) return "unknown";
        return id + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
    }
}
