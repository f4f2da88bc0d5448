package mcs.verifier.sandbox;

/**
 * Untrusted code was to run in the sandbox, but bubblewrap is missing or cannot start here. The message is
 * one line that names the Debian package and the opt-out ({@code --isolation none}); the command line maps
 * it to exit code 2, before anything is written.
 */
public final class SandboxUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
