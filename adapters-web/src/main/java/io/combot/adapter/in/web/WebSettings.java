package io.combot.adapter.in.web;

/** @param maxBodyBytes largest request body accepted; larger ones are refused with 413 before they are parsed */
public record WebSettings(int maxBodyBytes) {
    public WebSettings {
        if (maxBodyBytes < 1_024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, not " + maxBodyBytes);
        }
    }
}
