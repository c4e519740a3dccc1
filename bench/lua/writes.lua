-- wrk script for bench/writes.py: one connection per thread, each on its own agreement.
-- BENCH_PLAN names a file of lines "<thread>\t<kind>\t<path>\t<token>\t<body>"; kind "save"
-- saves the path again and again (its base revision taken from each answer), kind "approve"
-- sends each line once, in order (each a section revision not yet approved by that party).
local threads, counter = {}, 0

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  items, i, rev, n, failed = {}, 1, 0, 0, 0
  for line in io.lines(os.getenv("BENCH_PLAN")) do
    local tid, kind, path, token, body = line:match("^(%d+)\t(%S+)\t(%S+)\t(%S+)\t(.*)$")
    if tonumber(tid) == id then
      table.insert(items, { kind = kind, path = path, token = token, body = body })
    end
  end
end

function request()
  local it = items[math.min(i, #items)]
  local headers = { ["Authorization"] = "Bearer " .. it.token, ["Content-Type"] = "application/json" }
  if it.kind == "save" then
    n = n + 1
    local body = '{"base_revision": ' .. rev .. ', "text": "Bench write ' .. id .. "-" .. n .. '."}'
    return wrk.format("PUT", it.path, headers, body)
  end
  i = i + 1
  return wrk.format("POST", it.path, headers, it.body)
end

function response(status, headers, body)
  if status ~= 201 then
    failed = failed + 1 -- a 409, or an approval list run dry: not a write
  end
  if items[1].kind == "save" and (status == 201 or status == 409) then
    -- the revision saved, or (a run that starts behind) the current one the 409 names
    rev = tonumber(body:match('"number":%s*(%d+)')) or rev
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("failed")
  end
  io.write(string.format("BENCH p95_ms=%.2f not_written=%d\n", latency:percentile(95) / 1000, bad))
end
