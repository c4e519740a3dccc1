-- wrk script for bench/write_floor.py: each thread (one connection) posts to its own agreement.
-- BENCH_PATH is "/one" or "/shaped/"; the shaped path ends in the thread's agreement (1..n).
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end

function request()
  local path = os.getenv("BENCH_PATH")
  if path:sub(-1) == "/" then
    path = path .. id
  end
  local body = '{"text": "The partners meet on the first Monday of each month."}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
