package io.combot.bootstrap.e2e;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * bench/faults' load: {@link FaultLoad} against a service already running, with the fault begun and ended by shell
 * commands. Prints the figures and the check of the store, and exits 1 when an acknowledged turn is missing or doubled.
 *
 * <pre>FaultBench --url http://127.0.0.1:PORT --name NAME --begin CMD --end CMD
 *     [--clients 8] [--fault-seconds 10] [--warm-up-turns 100]</pre>
 */
public final class FaultBench {
    private FaultBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--clients", "8", "--fault-seconds", "10",
                "--warm-up-turns", "100"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        int port = URI.create(options.get("--url")).getPort();
        FaultLoad load = new FaultLoad(port, Integer.parseInt(options.get("--clients"))).start();
        try {
            load.awaitTurns(Integer.parseInt(options.get("--warm-up-turns")), 120_000);
            Thread.sleep(2_000);
            load.faultBegins();
            shell(options.get("--begin"));
            Thread.sleep(Long.parseLong(options.get("--fault-seconds")) * 1_000);
            shell(options.get("--end"));
            load.faultEnds();
            load.awaitRecovery(30_000);
            Thread.sleep(2_000);
        } finally {
            load.close();
        }
        int verified;
        try {
            verified = load.verify();
        } catch (AssertionError e) {
            System.out.println(load.figures(options.get("--name")) + "; STORE CHECK FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(load.figures(options.get("--name")) + ", verified " + verified);
    }

    private static void shell(String command) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("'" + command + "' failed with " + process.exitValue());
        }
    }
}
