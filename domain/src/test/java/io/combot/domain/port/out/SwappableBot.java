package io.combot.domain.port.out;

import java.util.concurrent.atomic.AtomicReference;

/** The in-memory double of {@link CurrentBotPort}: serves the bot it was last given. */
public final class SwappableBot implements CurrentBotPort {
    private final AtomicReference<ServingBot> current;

    public SwappableBot(ServingBot initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public ServingBot current() {
        return current.get();
    }

    public void swap(ServingBot next) {
        current.set(next);
    }
}
