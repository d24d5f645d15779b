package io.combot.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's main in a JVM of its own, for tests of how it refuses to start or reads a command's arguments: its
 * exit code and output.
 */
public record ServiceProcess(int exitCode, String output) {
    /**
     * Runs {@code CombotApplication} with the test's class path, {@code environment} added and {@code args}, until it
     * exits.
     */
    public static ServiceProcess run(Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), CombotApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The service did not exit within 60 s:\n" + output);
        }
        return new ServiceProcess(process.exitValue(), output);
    }
}
