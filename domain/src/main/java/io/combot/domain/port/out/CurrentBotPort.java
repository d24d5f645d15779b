package io.combot.domain.port.out;

/** The bot serving now. Safe to call from many threads; what it returns may change between calls (a reload). */
public interface CurrentBotPort {
    ServingBot current();
}
