-- wrk script: one report per request, each from a researcher of its own (X-Forwarded-For is
-- trusted from 127.0.0.1 in the local stack), the same body as IntakeThroughput.java sends.
--   wrk -t1 -c32 -d15s --latency -s benchmarks/report.lua http://127.0.0.1:8081
local description = string.rep("Steps to reproduce: connect to the node, send a crafted frame whose length field "
    .. "exceeds the buffer, observe the crash. Impact: remote denial of service for every peer. ", 3)
math.randomseed(os.time())

request = function()
  local n = math.random(1, 2000000000)
  local body = '{"program":"pea2pea","title":"Crash on a crafted frame ' .. n .. '","description":"' .. description
      .. '","reporterEmail":"bench-' .. n .. '@example.org"}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = "198.18." .. math.random(0, 255) .. "." .. math.random(1, 254),
  }
  return wrk.format("POST", "/api/v1/reports", headers, body)
end
