package mcs.problems.io;

/**
 * Bad input: carries the file and 1-based line so that the command line can print one line
 * {@code FILE:LINE: message} and exit with code 2. {@code line} is 0 when no line applies.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;

    public InputException(String file, long line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** {@code file:line: message} (or {@code file: message} without a line). */
    public String oneLine() {
        String where = file + (line > 0 ? ":" + line : "");
        return where + ": " + getMessage().replace('\n', ' ');
    }
}
