package io.combot.adapter.out.ml;

import io.combot.domain.port.out.ClassifyMessagePort;
import io.combot.domain.port.out.ClassifyMessagePortContract;

/** The real model passes the contract every classifier passes. */
class DjlIntentClassifierAdapterTest extends ClassifyMessagePortContract {
    @Override
    protected ClassifyMessagePort classifier() {
        return SharedBot.classifier();
    }
}
