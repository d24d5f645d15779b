"""Helpers of bench/profile and bench/native-profile: CPU by thread group of a process, JFR execution samples by
request stage, and `perf script` samples by thread group and stage."""
import collections
import os
import re
import sys
import time

# The first pattern (a regular expression) found in a sample's stack, innermost frame first, names its stage; the
# store's work runs in lambdas named after the method that made them.
STAGES = [
    (r"JpaSessionStoreAdapter\.(lambda\$)?appendTurn", "database: append a turn"),
    (r"JpaSessionStoreAdapter\.(lambda\$)?loadHistory", "database: history"),
    (r"JpaSessionStoreAdapter\.(lambda\$)?findSession", "database: find the session"),
    (r"JpaSessionStoreAdapter\.(lambda\$)?findTurn", "database: find a retried turn"),
    ("JpaSessionStoreAdapter", "database: other"),
    ("OpenAiReplyAdapter", "LLM call (openai-java)"),
    ("ClassifyMessagePort.classify", "classifier hand-off"),
    ("writeWithMessageConverters", "JSON out"),
    ("readWithMessageConverters", "JSON in"),
    ("ch.qos.logback", "logging"),
    ("RequestMetricsFilter", "metrics filter"),
    ("ClientAccessFilter", "access filter"),
    ("DispatcherServlet", "Spring MVC and use cases"),
    ("org.eclipse.jetty", "Jetty"),
]

# The same within the samples of the LLM call: where openai-java spends its time.
LLM_STAGES = [
    ("modelNameOrNull", "looking up the params' model() by Kotlin reflection"),
    ("PrepareRequest", "preparing the request"),
    ("OpenAiReplyAdapter\\.params", "building the parameters"),
    ("readValue|HttpResponseForKt", "reading the answer (jackson-module-kotlin)"),
    ("writeValue|toRequestBody|JsonGenerator", "writing the request JSON"),
    ("okhttp3|okio", "OkHttp (a new client per call among it)"),
    (r"com\.openai\.(services|core\.http|client)", "openai-java's call plumbing"),
    ("resilience4j", "Resilience4j"),
    ("OpenAiReplyAdapter", "the adapter's own code"),
]


def thread_group(name):
    """A thread's name without its number: http-12 and http-40 are both http."""
    return re.sub(r"[-#\d\s]+$", "", name) or "?"


def thread_ticks(pid):
    ticks = collections.Counter()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as comm, open(f"/proc/{pid}/task/{task}/stat") as stat:
                name = thread_group(comm.read().strip())
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended
        ticks[(task, name)] = int(fields[11]) + int(fields[12])
    return ticks


def threads(pid, seconds):
    before = thread_ticks(pid)
    time.sleep(float(seconds))
    after = thread_ticks(pid)
    groups = collections.Counter()
    for (task, name), value in after.items():
        groups[name] += value - before.get((task, name), 0)
    total = sum(groups.values()) or 1
    hz = os.sysconf("SC_CLK_TCK")
    shares = ", ".join(f"{name} {100 * value / total:.0f}%" for name, value in groups.most_common(5) if value > 0)
    print(f"{sum(groups.values()) / hz / float(seconds):.2f} cores: {shares}")


def stages(prefix, within=None):
    """Samples of the threads named {prefix}, or only those whose stack holds {within} (then by LLM_STAGES)."""
    patterns = STAGES if within is None else LLM_STAGES
    counts = collections.Counter()
    total = 0
    for event in sys.stdin.read().split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        stack = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if not thread or not stack or not thread.group(1).startswith(prefix):
            continue
        if within is not None and within not in stack.group(1):
            continue
        total += 1
        frames = [line.strip() for line in stack.group(1).splitlines() if line.strip()]
        counts[next((stage for frame in frames for pattern, stage in patterns if re.search(pattern, frame)),
                    "other")] += 1
    print(f"{total} samples of the '{prefix}' threads" + ("" if within is None else f" within {within}"))
    for stage, count in counts.most_common():
        print(f"{100 * count / max(total, 1):6.1f}%  {stage}")


# Within `perf script` samples of the request threads: where the innermost frame is native code, and otherwise the first
# of these patterns found in the stack, innermost first. The JIT inlines, so a frame stands for what it inlined too.
PERF_STAGES = [
    ("OpenAiReplyAdapter|LlmResilience|com\\.openai|okhttp3", "LLM call (openai-java, Java side)"),
    ("JpaSessionStoreAdapter|JpaTransactions|org\\.hibernate|com\\.zaxxer|org\\.sqlite", "database (Java side)"),
    ("MessageConverter|tools\\.jackson", "JSON"),
    ("ch\\.qos\\.logback", "logging"),
    ("io\\.combot", "Combot's own code"),
    ("springframework", "Spring MVC"),
    ("eclipse\\.jetty|sun\\.nio", "Jetty and the socket"),
]


def perf(prefix):
    """`perf script` output on stdin: the share of each thread group, then the request threads' samples by stage."""
    samples = []
    for block in sys.stdin.read().split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        if lines:
            thread = re.match(r"(\S.*?)\s+\d+(/\d+)?\s", lines[0])
            samples.append((thread_group(thread.group(1) if thread else "?"),
                            [line.strip().split(None, 1)[-1] for line in lines[1:]]))
    groups = collections.Counter(name for name, _ in samples)
    total = len(samples) or 1
    print(f"{len(samples)} samples: " + ", ".join(f"{name} {100 * count / total:.0f}%"
                                                for name, count in groups.most_common(5)))
    counts = collections.Counter()
    for name, frames in samples:
        if not name.startswith(prefix):
            continue
        top = frames[0] if frames else "?"
        if "libsqlitejdbc" in top:
            stage = "SQLite's C code"
        elif "kernel.kallsyms" in top:
            stage = "the kernel (sockets, files, scheduling)"
        elif ".so" in top and "perf-" not in top:
            stage = "other native code (JVM, libc)"
        else:
            stage = next((stage for frame in frames for pattern, stage in PERF_STAGES if re.search(pattern, frame)),
                         "other")
        counts[stage] += 1
    selected = sum(counts.values()) or 1
    print(f"{sum(counts.values())} samples of the '{prefix}' threads")
    for stage, count in counts.most_common():
        print(f"{100 * count / selected:6.1f}%  {stage}")


if __name__ == "__main__":
    {"threads": threads, "stages": stages, "perf": perf}[sys.argv[1]](*sys.argv[2:])
