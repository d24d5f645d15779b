package io.combot.application;

import io.combot.domain.error.ConcurrentTurnException;
import io.combot.domain.error.ReplyUnavailableException;
import io.combot.domain.error.UnknownBotException;
import io.combot.domain.model.AssistantMessage;
import io.combot.domain.model.BotDefinition;
import io.combot.domain.model.ChatSession;
import io.combot.domain.model.Classification;
import io.combot.domain.model.ContextEntry;
import io.combot.domain.model.Evidence;
import io.combot.domain.model.GeneratedReply;
import io.combot.domain.model.Intent;
import io.combot.domain.model.IntentDefinition;
import io.combot.domain.model.IntentRoute;
import io.combot.domain.model.KnowledgeQuery;
import io.combot.domain.model.KnowledgeReplies;
import io.combot.domain.model.KnowledgeSources;
import io.combot.domain.model.MessageId;
import io.combot.domain.model.ReplyRequest;
import io.combot.domain.model.ReplySink;
import io.combot.domain.model.Route;
import io.combot.domain.model.TokenUsage;
import io.combot.domain.model.Turn;
import io.combot.domain.model.UserMessage;
import io.combot.domain.port.in.ClientContext;
import io.combot.domain.port.in.SendMessageCommand;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.TurnListener;
import io.combot.domain.port.out.AppendTurnPort;
import io.combot.domain.port.out.CurrentBotPort;
import io.combot.domain.port.out.GenerateReplyPort;
import io.combot.domain.port.out.LoadReplyContextPort;
import io.combot.domain.port.out.LoadSessionPort;
import io.combot.domain.port.out.ServingBot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chat turn: classify, route, answer, then store the user message, the reply and the session's new state in one
 * write. Nothing is written before the reply exists, so a rejected or failed request leaves no half-written turn.
 * A turn takes the serving bot once, so a bot swapped in meanwhile never mixes with it.
 */
public class SendMessageService implements SendMessageUseCase {
    private final AppendTurnPort turns;
    private final LoadReplyContextPort replyContext;
    private final CurrentBotPort bots;
    private final GenerateReplyPort generator;
    private final ChatPolicy policy;
    private final Sessions sessions;
    private final SessionLocks locks;

    public SendMessageService(LoadSessionPort loader, AppendTurnPort turns, LoadReplyContextPort replyContext,
                              CurrentBotPort bots, GenerateReplyPort generator, Clock clock, ChatPolicy policy) {
        this.turns = turns;
        this.replyContext = replyContext;
        this.bots = bots;
        this.generator = generator;
        this.policy = policy;
        this.sessions = new Sessions(loader, clock);
        this.locks = new SessionLocks(policy.turnWait());
    }

    @Override
    public Turn sendMessage(SendMessageCommand command, TurnListener listener) {
        policy.checkContent(command.content());
        ServingBot bot = bots.current();
        // The bot the client named is checked against this one take, so a reload meanwhile never answers for it.
        if (command.bot() != null && !command.bot().equals(bot.definition().name())) {
            throw new UnknownBotException(command.bot(), bot.definition().name());
        }
        // Classifying is the costly part and needs no lock, so sends to one session overlap here. The session is read
        // once, in the lock: a send to a session that is not the caller's costs a classification, as POST /classify
        // does, and a 404 after it.
        Classification classification = policy.resolve(CrisisScreening.classify(bot.classifier(), command.content()), bot);
        return locks.withLock(command.sessionId(),
                () -> answerInTurn(command, bot, classification, listener));
    }

    private Turn answerInTurn(SendMessageCommand command, ServingBot bot, Classification classification,
                              TurnListener listener) {
        ChatSession session = sessions.usable(command.sessionQuery());
        Optional<Turn> stored = storedTurn(command);
        if (stored.isPresent()) {
            listener.userMessage(stored.get().userMessage());
            listener.delta(stored.get().reply().content());
            return stored.get();
        }
        UserMessage userMessage = new UserMessage(MessageId.random(), session.id(), session.nextSequence(),
                command.content(), sessions.now(), classification, command.clientMessageId());
        listener.userMessage(userMessage);
        return store(command, session, new Turn(userMessage, reply(bot, userMessage, command, listener)));
    }

    private Optional<Turn> storedTurn(SendMessageCommand command) {
        return command.optionalClientMessageId()
                .flatMap(clientMessageId -> turns.findTurn(command.sessionId(), clientMessageId));
    }

    /**
     * The session lock orders the turns of a session within this instance only: another instance sharing the
     * database may store a turn of the same session while this one was being answered. The store then refuses this
     * turn, and it is moved behind the one that won, as if it had arrived a moment later, until
     * {@code COMBOT_TURN_WAIT} runs out. The reply is kept: it has been paid for and may have been streamed already.
     */
    private Turn store(SendMessageCommand command, ChatSession session, Turn turn) {
        long deadline = System.nanoTime() + policy.turnWait().toNanos();
        ChatSession current = session;
        Turn placed = turn;
        while (true) {
            try {
                turns.appendTurn(current.after(placed, policy.idleTimeout()), placed);
                return placed;
            } catch (ConcurrentTurnException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
            }
            current = sessions.usable(command.sessionQuery());
            // A client's retry that reached the other instance may have stored this very message.
            Optional<Turn> stored = storedTurn(command);
            if (stored.isPresent()) {
                return stored.get();
            }
            placed = placed.movedTo(current.nextSequence(), sessions.now());
        }
    }

    private AssistantMessage reply(ServingBot serving, UserMessage userMessage, SendMessageCommand command,
                                   ReplySink sink) {
        BotDefinition bot = serving.definition();
        IntentDefinition intent = bot.definitionOf(userMessage.classification().intent());
        Optional<ReplyRouter.FixedReply> fixed = ReplyRouter.fixedReplyFor(bot, intent);
        if (fixed.isPresent()) {
            sink.delta(fixed.get().text());
            return assistantMessage(userMessage, fixed.get().text(), fixed.get().route(), false, TokenUsage.NONE);
        }
        ReplyRequest request = replyRequest(bot, userMessage, command);
        Optional<Evidence> evidence = Optional.empty();
        if (intent.route() == IntentRoute.KNOWLEDGE) {
            KnowledgeReplies knowledge = bot.knowledge();
            evidence = Optional.of(new Evidence(userMessage.content(), serving.knowledge()
                    .map(index -> index.search(KnowledgeQuery.hybrid(searchText(userMessage.content()),
                            knowledge.passages())))
                    .orElse(List.of())));
            if (!evidence.get().supports(knowledge.grounding())) {
                sink.delta(knowledge.noAnswer());
                return assistantMessage(userMessage, knowledge.noAnswer(), Route.KNOWLEDGE, false, TokenUsage.NONE)
                        .withSources(KnowledgeSources.NOT_FOUND);
            }
            request = request.withKnowledge(evidence.get());
        }
        try {
            GeneratedReply generated = generator.generate(request, sink);
            AssistantMessage reply = assistantMessage(userMessage, generated.text(), generated.route(),
                    !generated.complete(), generated.usage());
            return evidence.map(found -> reply.withSources(new KnowledgeSources(true, found.citations())))
                    .orElse(reply);
        } catch (ReplyUnavailableException e) {
            sink.delta(bot.fallbackReply());
            return assistantMessage(userMessage, bot.fallbackReply(), Route.FALLBACK, true, TokenUsage.NONE);
        }
    }

    /**
     * The stored history, then the earlier messages the client sent along that the session does not hold; the newest
     * {@code contextMessages} of them together.
     */
    private ReplyRequest replyRequest(BotDefinition bot, UserMessage userMessage, SendMessageCommand command) {
        int limit = policy.contextMessages();
        List<ContextEntry> context = new ArrayList<>();
        // A session's first message has no history to read: the sequence counts the messages before it.
        if (limit > 0 && userMessage.sequence() > 0 && generator.readsContext()) {
            context.addAll(replyContext.loadContext(userMessage.sessionId(), limit));
        }
        ClientContext client = command.clientContext();
        context.addAll(client.earlier());
        context = context.subList(Math.max(0, context.size() - limit), context.size());
        Intent intent = userMessage.classification().intent();
        return new ReplyRequest(userMessage.sessionId(), intent, userMessage.content(), context,
                client.instructions(), bot.systemPromptFor(intent), bot.offlineReplyFor(intent), client.options());
    }

    /** A search reads the start of a long message, within what a query may hold. */
    private static String searchText(String content) {
        return content.length() <= KnowledgeQuery.MAX_LENGTH ? content : content.substring(0, KnowledgeQuery.MAX_LENGTH);
    }

    private AssistantMessage assistantMessage(UserMessage userMessage, String text, Route route, boolean degraded,
                                              TokenUsage usage) {
        return new AssistantMessage(MessageId.random(), userMessage.sessionId(), userMessage.sequence() + 1, text,
                sessions.now(), route, degraded, usage);
    }
}
