package io.combot.application;

import io.combot.domain.model.Intent;
import io.combot.domain.model.Route;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The routing rule: social niceties get a canned reply at once, a crisis gets the fixed safety reply, and everything
 * else goes to the reply generator with the intent as a hint.
 */
final class ReplyRouter {
    static final Set<Intent> FAST_PATH = EnumSet.of(Intent.GREETING, Intent.FAREWELL, Intent.THANKS);

    /** A reply that needs no generator. */
    record FixedReply(Route route, String text) {
    }

    private final ChatPolicy policy;

    ReplyRouter(ChatPolicy policy) {
        this.policy = policy;
    }

    /** The fixed reply for {@code intent}, or empty when the generator must answer. */
    Optional<FixedReply> fixedReplyFor(Intent intent) {
        if (intent == Intent.CRISIS) {
            return Optional.of(new FixedReply(Route.SAFETY, policy.safetyReply()));
        }
        if (FAST_PATH.contains(intent)) {
            return Optional.of(new FixedReply(Route.FAST_PATH, policy.cannedReplies().get(intent)));
        }
        return Optional.empty();
    }
}
