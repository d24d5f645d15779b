package io.combot.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.combot.domain.error.CapacityExceededException;
import io.combot.domain.error.InvalidInputException;
import io.combot.domain.error.SessionBusyException;
import io.combot.domain.error.SessionExpiredException;
import io.combot.domain.error.SessionNotFoundException;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Classification;
import io.combot.domain.model.ClientMessageId;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.Message;
import io.combot.domain.model.OwnerId;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.SessionId;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.StartSessionCommand;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.EchoReplyGenerator;
import io.combot.domain.port.out.FixedServingBot;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.InMemorySessionStore;
import io.combot.domain.port.out.SwappableBot;
import io.combot.domain.port.out.TestBots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendMessageServiceTest {
    private static final OwnerId OWNER = new OwnerId("client-a");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final EchoReplyGenerator generator = new EchoReplyGenerator();
    private final ChatPolicy policy = ShippedPolicy.read();
    private SendMessageService service =
            new SendMessageService(store, store, store,
                    new SwappableBot(TestBots.keywordBot()), generator, clock, policy);
    private ChatSession session;

    @BeforeEach
    void startSession() {
        session = new SessionService(store, store, store, clock, policy).startSession(new StartSessionCommand(OWNER));
    }

    @ParameterizedTest
    @CsvSource({
            "'hello!', greeting, FAST_PATH",
            "'thanks a lot', thanks, FAST_PATH",
            "'ok bye', farewell, FAST_PATH",
            "'I want to kill myself', crisis, SAFETY"})
    void fixedRoutesNeverCallTheGenerator(String content, Intent intent, Route route) {
        List<String> deltas = new ArrayList<>();

        Turn turn = service.sendMessage(send(content, null), deltas::add);

        assertThat(turn.userMessage().classification().intent()).isEqualTo(intent);
        assertThat(turn.reply().route()).isEqualTo(route);
        assertThat(turn.reply().degraded()).isFalse();
        assertThat(turn.reply().usage()).isEqualTo(TokenUsage.NONE);
        assertThat(deltas).containsExactly(turn.reply().content());
        assertThat(generator.requests()).isEmpty();
    }

    @Test
    void theSafetyReplyPointsToHelp() {
        Turn turn = service.sendMessage(send("I want to kill myself", null));

        assertThat(turn.reply().content()).isEqualTo(TestBots.SAFETY_REPLY).contains("emergency");
    }

    @Test
    void otherIntentsGoToTheGeneratorWithTheIntentAndTheConversationSoFar() {
        service.sendMessage(send("hello", null));
        List<String> deltas = new ArrayList<>();

        Turn turn = service.sendMessage(send("where is my parcel?", null), deltas::add);

        assertThat(turn.reply().route()).isEqualTo(Route.LLM);
        assertThat(turn.reply().content()).isEqualTo("You said: where is my parcel?");
        assertThat(String.join("", deltas)).isEqualTo(turn.reply().content());
        ReplyRequest request = generator.requests().get(0);
        assertThat(request.intentHint()).isEqualTo(Intent.of("question"));
        assertThat(request.context()).extracting(ContextEntry::content)
                .containsExactly("hello", TestBots.GREETING_REPLY);
    }

    @Test
    void aGeneratorThatReadsNoContextIsGivenNoneAndTheHistoryIsNotRead() {
        List<ReplyRequest> requests = new ArrayList<>();
        GenerateReplyPort offline = new GenerateReplyPort() {
            @Override
            public GeneratedReply generate(ReplyRequest request, ReplySink sink) {
                requests.add(request);
                sink.delta(request.offlineReply());
                return new GeneratedReply(request.offlineReply(), Route.OFFLINE, TokenUsage.NONE, true);
            }

            @Override
            public boolean readsContext() {
                return false;
            }
        };
        AtomicInteger contextReads = new AtomicInteger();
        InMemorySessionStore counting = new InMemorySessionStore() {
            @Override
            public synchronized List<ContextEntry> loadContext(SessionId sessionId, int limit) {
                contextReads.incrementAndGet();
                return super.loadContext(sessionId, limit);
            }
        };
        ChatSession started = new SessionService(counting, counting, counting, clock, policy)
                .startSession(new StartSessionCommand(OWNER));
        SendMessageService offlineService = new SendMessageService(counting, counting, counting,
                new SwappableBot(TestBots.keywordBot()), offline, clock, policy);
        offlineService.sendMessage(new SendMessageCommand(started.id(), OWNER, "where is my parcel?", null));

        Turn turn = offlineService.sendMessage(new SendMessageCommand(started.id(), OWNER, "where is my refund?", null));

        assertThat(turn.reply().route()).isEqualTo(Route.OFFLINE);
        assertThat(requests).hasSize(2).allSatisfy(request -> assertThat(request.context()).isEmpty());
        assertThat(contextReads).hasValue(0);
        service.sendMessage(send("where is my parcel?", null));
        service.sendMessage(send("where is my refund?", null));
        assertThat(generator.requests().get(1).context()).hasSize(2);
    }

    @Test
    void theListenerHearsTheClassifiedUserMessageBeforeTheReply() {
        List<String> events = new ArrayList<>();
        TurnListener listener = new TurnListener() {
            @Override
            public void userMessage(UserMessage message) {
                events.add("user:" + message.classification().intent().label());
            }

            @Override
            public void delta(String text) {
                events.add("delta:" + text);
            }
        };

        Turn turn = service.sendMessage(send("where is my parcel?", null), listener);

        assertThat(events).containsExactly("user:question", "delta:You said: ", "delta:where is my parcel?");
        assertThat(turn.reply().content()).isEqualTo("You said: where is my parcel?");
    }

    @Test
    void anUnsureClassificationBecomesUnknownAndGoesToTheGenerator() {
        Turn turn = service.sendMessage(send("lorem ipsum dolor", null));

        assertThat(turn.userMessage().classification().intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(turn.userMessage().classification().confidence()).isLessThan(ChatPolicy.DEFAULT_MIN_CONFIDENCE);
        assertThat(turn.reply().route()).isEqualTo(Route.LLM);
        assertThat(generator.requests()).extracting(ReplyRequest::intentHint).containsExactly(Intent.UNKNOWN);
    }

    @Test
    void anUnsureCrisisIsStillACrisis() {
        Classification unsureCrisis = new Classification(Intent.CRISIS, 0.2, Map.of(Intent.CRISIS, 0.2,
                Intent.of("smalltalk"), 0.8), "m");
        service = new SendMessageService(store, store, store,
                () -> new FixedServingBot(TestBots.definition(), text -> unsureCrisis, "m"), generator, clock, policy);

        Turn turn = service.sendMessage(send("everything is pointless lately", null));

        assertThat(turn.userMessage().classification().intent()).isEqualTo(Intent.CRISIS);
        assertThat(turn.reply().route()).isEqualTo(Route.SAFETY);
    }

    @Test
    void aFailedGeneratorGivesTheDegradedFallbackAndKeepsTheUserMessage() {
        generator.failFromNowOn();

        Turn turn = service.sendMessage(send("where is my parcel?", null));

        assertThat(turn.reply().route()).isEqualTo(Route.FALLBACK);
        assertThat(turn.reply().degraded()).isTrue();
        assertThat(turn.reply().content()).isEqualTo(TestBots.FALLBACK_REPLY);
        assertThat(history()).extracting(Message::content).containsExactly("where is my parcel?", TestBots.FALLBACK_REPLY);
    }

    @Test
    void aCutOffStreamIsStoredAsDegraded() {
        GenerateReplyPort cutOff = (request, sink) -> {
            sink.delta("Partial ans");
            return new GeneratedReply("Partial ans", Route.LLM, new TokenUsage(10, 3), false);
        };
        service = new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), cutOff, clock, policy);

        Turn turn = service.sendMessage(send("where is my parcel?", null));

        assertThat(turn.reply().degraded()).isTrue();
        assertThat(turn.reply().content()).isEqualTo("Partial ans");
        assertThat(store.findSession(session.id()).orElseThrow().tokenUsage()).isEqualTo(new TokenUsage(10, 3));
    }

    @Test
    void aSaturatedGeneratorRejectsTheRequestAndWritesNothing() {
        GenerateReplyPort saturated = (request, sink) -> {
            throw new CapacityExceededException("all LLM slots busy", Duration.ofSeconds(2));
        };
        service = new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), saturated, clock, policy);
        int writesBefore = store.writeCount();

        assertThatThrownBy(() -> service.sendMessage(send("where is my parcel?", null)))
                .isInstanceOf(CapacityExceededException.class);

        assertThat(store.writeCount()).isEqualTo(writesBefore);
        assertThat(history()).isEmpty();
    }

    @Test
    void aRetryWithTheSameClientMessageIdReturnsTheStoredTurnWithoutASecondReply() {
        Turn first = service.sendMessage(send("where is my parcel?", "key-1"));
        List<String> deltas = new ArrayList<>();

        Turn retry = service.sendMessage(send("where is my parcel?", "key-1"), deltas::add);

        assertThat(retry).isEqualTo(first);
        assertThat(deltas).containsExactly(first.reply().content());
        assertThat(generator.requests()).hasSize(1);
        assertThat(history()).hasSize(2);
    }

    @Test
    void tooLongContentIsRejectedWithTheLimitAndWritesNothing() {
        int writesBefore = store.writeCount();
        String content = "a".repeat(policy.maxContentChars() + 1);

        assertThatThrownBy(() -> service.sendMessage(send(content, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the text must be at most " + policy.maxContentChars() + " characters, but has "
                        + content.length());
        assertThat(store.writeCount()).isEqualTo(writesBefore);
    }

    @Test
    void anExpiredSessionTakesNoMoreMessages() {
        clock.advance(policy.idleTimeout());

        assertThatThrownBy(() -> service.sendMessage(send("hello", null)))
                .isInstanceOf(SessionExpiredException.class);
        assertThat(history()).isEmpty();
    }

    @Test
    void eachTurnPushesTheExpiryBack() {
        clock.advance(Duration.ofMinutes(50));
        service.sendMessage(send("hello", null));
        clock.advance(Duration.ofMinutes(50));

        Turn turn = service.sendMessage(send("thanks", null));

        assertThat(turn.reply().route()).isEqualTo(Route.FAST_PATH);
        assertThat(store.findSession(session.id()).orElseThrow().expiresAt())
                .isEqualTo(clock.instant().plus(policy.idleTimeout()));
    }

    @Test
    void anotherOwnersSessionIsNotFound() {
        SendMessageCommand intruder = new SendMessageCommand(session.id(), new OwnerId("client-b"), "hello", null);

        assertThatThrownBy(() -> service.sendMessage(intruder)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> service.sendMessage(new SendMessageCommand(SessionId.random(), OWNER, "hello", null)))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void concurrentSendsToOneSessionAreStoredOneAfterTheOther() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        GenerateReplyPort slow = (request, sink) -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleep(5);
            inFlight.decrementAndGet();
            return generator.generate(request, sink);
        };
        service = new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), slow, clock, policy);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Turn>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String content = "question " + i + "?";
                sends.add(pool.submit(() -> {
                    start.await();
                    return service.sendMessage(send(content, null));
                }));
            }
            start.countDown();
            for (Future<Turn> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(peak.get()).as("turns of one session never overlap").isEqualTo(1);
        List<Message> history = history();
        assertThat(history).hasSize(32);
        assertThat(history).extracting(Message::sequence).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, 32).boxed().toList());
        assertThat(store.findSession(session.id()).orElseThrow().messageCount()).isEqualTo(32);
    }

    @Test
    void aTurnStoredMeanwhileByAnotherInstanceGoesFirstAndThisOneIsMovedBehindIt() {
        // Another instance: the same database, but its own session locks.
        SendMessageService otherInstance =
                new SendMessageService(store, store, store,
                        new SwappableBot(TestBots.keywordBot()), generator, clock, policy);
        GenerateReplyPort overtaken = (request, sink) -> {
            otherInstance.sendMessage(send("hello from the other instance", null));
            return generator.generate(request, sink);
        };
        service = new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), overtaken, clock, policy);

        Turn turn = service.sendMessage(send("where is my parcel?", null));

        assertThat(turn.userMessage().sequence()).isEqualTo(2);
        assertThat(history()).extracting(Message::content).containsExactly("hello from the other instance",
                history().get(1).content(), "where is my parcel?", turn.reply().content());
        assertThat(history().subList(2, 4)).containsExactly(turn.userMessage(), turn.reply());
        assertThat(generator.requests()).as("the reply is not generated again").hasSize(1);
        assertThat(store.findSession(session.id()).orElseThrow().messageCount()).isEqualTo(4);
    }

    @Test
    void aRetryThatAnotherInstanceStoredFirstReturnsThatTurn() {
        SendMessageService otherInstance =
                new SendMessageService(store, store, store,
                        new SwappableBot(TestBots.keywordBot()), generator, clock, policy);
        List<Turn> storedByOther = new ArrayList<>();
        GenerateReplyPort overtaken = (request, sink) -> {
            storedByOther.add(otherInstance.sendMessage(send("where is my parcel?", "key-7")));
            return generator.generate(request, sink);
        };
        service = new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), overtaken, clock, policy);

        Turn turn = service.sendMessage(send("where is my parcel?", "key-7"));

        assertThat(turn).isEqualTo(storedByOther.get(0));
        assertThat(history()).containsExactly(turn.userMessage(), turn.reply());
    }

    @Test
    void withNoTurnWaitASecondSendToABusySessionIsRefusedAtOnceAndStoresNothing() throws Exception {
        ChatPolicy noWait = new ChatPolicy(policy.maxContentChars(), policy.idleTimeout(), policy.minConfidence(),
                policy.contextMessages(), Duration.ZERO, policy.maxSessionsPerOwner());
        CountDownLatch answering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GenerateReplyPort held = (request, sink) -> {
            answering.countDown();
            await(release);
            return generator.generate(request, sink);
        };
        service = new SendMessageService(store, store, store,
                new SwappableBot(TestBots.keywordBot()), held, clock, noWait);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Turn> first = pool.submit(() -> service.sendMessage(send("first question?", null)));
            assertThat(answering.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> service.sendMessage(send("second question?", null)))
                    .isInstanceOf(SessionBusyException.class);

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).userMessage().content()).isEqualTo("first question?");
        } finally {
            pool.shutdownNow();
        }
        assertThat(history()).extracting(Message::content).containsExactly("first question?",
                "You said: first question?");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Message> history() {
        return store.loadHistory(session.id(), 200, Optional.empty()).items();
    }

    private SendMessageCommand send(String content, String clientMessageId) {
        return new SendMessageCommand(session.id(), OWNER, content,
                clientMessageId == null ? null : new ClientMessageId(clientMessageId));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
