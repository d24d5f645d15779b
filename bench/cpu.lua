-- wrk's requests for bench/cpu and bench/added-latency's warm-up: `wrk -s bench/cpu.lua URL -- SCENARIO TAG [SESSIONS]`.
-- SCENARIO: chat (the load test's mix of ten messages, round robin over the sessions whose ids are in the file
-- SESSIONS), classify (the same texts to POST /api/v1/classify) or llm (chat with the mix's LLM-routed texts only).
-- Every text is unique, " (TAG-n)" with a counter put before its closing punctuation, so that no cache answers it
-- and it stays one sentence (after the punctuation it would be a second one, which crisis screening reads apart);
-- one wrk thread, so n is unique within a run and TAG tells the runs apart.
local mixes = {
  chat = { "Hello there!", "Hi, good morning", "How do I reset my password?", "Where is my order?",
    "Can you help me change my delivery address?", "Thanks a lot!", "This is the third time my parcel is late",
    "What can you do?", "Tell me something fun", "Goodbye, have a nice day" },
  llm = { "How do I reset my password?", "Where is my order?", "Can you help me change my delivery address?",
    "This is the third time my parcel is late", "What can you do?" },
}
mixes.classify = mixes.chat

local scenario, tag, texts, sessions, n = nil, nil, nil, {}, 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  scenario, tag = args[1], args[2]
  texts = assert(mixes[scenario], "unknown scenario: chat, classify or llm")
  if scenario ~= "classify" then
    for id in io.lines(args[3]) do sessions[#sessions + 1] = id end
    assert(#sessions > 0, "no session ids in " .. args[3])
  end
end

function request()
  n = n + 1
  local base = texts[(n - 1) % #texts + 1]
  local words, closing = base:match("^(.-)([.!?]*)$")
  local text = words .. " (" .. tag .. "-" .. n .. ")" .. closing
  if scenario == "classify" then
    return wrk.format("POST", "/api/v1/classify", headers, '{"text": "' .. text .. '"}')
  end
  local session = sessions[(n - 1) % #sessions + 1]
  return wrk.format("POST", "/api/v1/sessions/" .. session .. "/messages", headers, '{"content": "' .. text .. '"}')
end

-- One line for the script: requests, non-2xx answers, socket errors, seconds, p50 in ms.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk-result %d %d %d %.3f %.2f\n", summary.requests, e.status,
    e.connect + e.read + e.write + e.timeout, summary.duration / 1e6, latency:percentile(50) / 1000))
end
