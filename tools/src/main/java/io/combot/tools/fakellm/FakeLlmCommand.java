package io.combot.tools.fakellm;

import io.combot.tools.ops.CommandLine;
import io.combot.tools.ops.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code fake-llm [--port N] [--latency 200ms] [--token-latency 20ms] [--error-rate 0.1] [--429-rate 0.05]
 * [--retry-after 1s] [--reply TEXT] [--fault hang|reset_connection|...]}: runs the fake server until stopped.
 */
public final class FakeLlmCommand {

    private FakeLlmCommand() {
    }

    public static void main(String[] args) throws Exception {
        Options options = CommandLine.parseOrExit(args, FakeLlmCommand::parse,
                "fake-llm [--port N] [--latency 200ms] [--token-latency 20ms] "
                        + "[--error-rate 0.1] [--429-rate 0.05] [--retry-after 1s] [--reply TEXT] [--fault NAME]");
        // The JDK's server leaves Nagle's algorithm on: a streamed reply's small chunks would then wait for the
        // client's delayed ACK (about 40 ms a reply), a latency no real LLM server adds. Read when the server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        FakeOpenAiServer server = FakeOpenAiServer.start(options.port(), options.behaviour());
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.printf("fake-llm: stopped after %d calls, peak %d in flight%n", server.calls(),
                    server.peakInFlight());
            done.countDown();
        }));
        System.out.printf("fake-llm: listening on %s (%s)%n", server.baseUrl(), options.behaviour());
        done.await();
    }

    record Options(int port, FakeLlmBehaviour behaviour) {
    }

    static Options parse(String... args) {
        int port = 0;
        FakeLlmBehaviour behaviour = FakeLlmBehaviour.defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("The flag " + flag + " needs a value");
            }
            String value = args[++i];
            behaviour = switch (flag) {
                case "--port" -> {
                    port = Integer.parseInt(value);
                    yield behaviour;
                }
                case "--latency" -> behaviour.withLatency(duration(value));
                case "--token-latency" -> behaviour.withTokenLatency(duration(value));
                case "--error-rate" -> behaviour.withErrorRate(Double.parseDouble(value));
                case "--429-rate" -> behaviour.withTooManyRequestsRate(Double.parseDouble(value));
                case "--retry-after" -> behaviour.withRetryAfter(duration(value));
                case "--reply" -> behaviour.withReply(value);
                case "--fault" -> behaviour.withFault(Fault.valueOf(value.toUpperCase(Locale.ROOT)));
                default -> throw new IllegalArgumentException("Unknown flag " + flag);
            };
        }
        return new Options(port, behaviour);
    }

    static Duration duration(String text) {
        return Durations.parse(text);
    }
}
