package io.combot.adapter.in.web;

import java.util.Map;

/** The process's memory for {@code GET /admin/memory}; bootstrap, which reads the JVM and the OS, implements it. */
public interface MemoryReporter {
    /** Figures by name, in bytes, milliseconds and counts, in the order they are shown. */
    Map<String, Object> report();
}
