"""Helpers of bench/profile: CPU by thread group of a process, and JFR execution samples by request stage."""
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


def thread_ticks(pid):
    ticks = collections.Counter()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as comm, open(f"/proc/{pid}/task/{task}/stat") as stat:
                name = re.sub(r"[-#\d\s]+$", "", comm.read().strip()) or "?"
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


if __name__ == "__main__":
    {"threads": threads, "stages": stages}[sys.argv[1]](*sys.argv[2:])
