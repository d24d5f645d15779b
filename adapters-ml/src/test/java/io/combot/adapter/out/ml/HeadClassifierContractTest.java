package io.combot.adapter.out.ml;

import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.ClassifyMessagePortContract;

/** The real model, with the shipped bot's head, passes the contract every classifier passes. */
class HeadClassifierContractTest extends ClassifyMessagePortContract {
    @Override
    protected ClassifyMessagePort classifier() {
        return SharedBot.classifier();
    }
}
