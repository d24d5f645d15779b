package io.combot.tools.ops;

import java.util.function.Function;

/** The tools' shared start: parse the flags, or print what was wrong and the usage, and exit with status 2. */
public final class CommandLine {
    private CommandLine() {
    }

    public static <T> T parseOrExit(String[] args, Function<String[], T> parser, String usage) {
        try {
            return parser.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + usage);
            System.exit(2);
            throw e;
        }
    }
}
