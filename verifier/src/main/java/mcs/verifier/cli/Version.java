package mcs.verifier.cli;

import picocli.CommandLine;

/** Version text from the jar manifest when present. */
public final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"mcs " + (v == null ? "development build" : v), "Java " + System.getProperty("java.version")};
    }
}
