package io.combot.adapter.out.knowledge;

/** A paragraph-like run of a document's text (a paragraph, a list, a code block) and the heading it sits under. */
record DocumentBlock(String section, String text) {
}
