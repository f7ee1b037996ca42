#!/usr/bin/env bash
# ./microshop bench gateway: what the gateway costs. wrk sends the same authenticated
# GET /api/products/{id} straight to inventory-service and through the gateway (token check, rate limit,
# circuit breaker, tracing, access log, load balancing); this prints both, the throughput ratio under load,
# the latency the gateway adds to a single request, and the CPU time each side spends per request.
set -euo pipefail

cd "${MICROSHOP_HOME:?run this through ./microshop bench gateway}"
source benchmarks/system.sh

readonly PRODUCT=184e05e0-3968-58b6-ada0-56c8cd072386 # "Espresso beans, 1 kg" from inventory-service's seed
readonly DIRECT=http://127.0.0.1:8102/api/products/$PRODUCT
readonly GATEWAY=http://127.0.0.1:8080/api/products/$PRODUCT
readonly EMAIL=bench@microshop.local PASSWORD=bench-password-1
readonly SCRIPT=benchmarks/gateway.lua
readonly RAW_OUTPUT=.microshop/logs/bench-gateway.log

threads=2 connections=32 duration=20s latency_duration=10s warmup=120s rounds=1 wrk_cpus="" keep_up=false

usage() {
  cat <<'EOF'
usage: ./microshop bench gateway [-t THREADS] [-c CONNECTIONS] [-d DURATION] [-l DURATION] [-w WARMUP]
                                 [-r ROUNDS] [--wrk-cpus CPUS] [--keep-up]

  -t, -c, -d   wrk threads, connections and duration of the throughput runs (default -t2 -c32 -d20s)
  -l           duration of the latency runs, one request at a time (-t1 -c1; default 10s)
  -w           warm-up through the gateway (which warms the service too), not counted (default 120s:
               a freshly started gateway needs minutes of traffic before its compiled code costs what it will)
  -r           rounds of measured runs; more than one also prints the medians (default 1)
  --wrk-cpus   run wrk under taskset -c CPUS, e.g. 1
  --keep-up    leave the system running afterwards; the next bench uses it

Starts the system with MICROSHOP_PROFILE=<yours, else dev>,load (config/gateway-load.yml: the gateway's rate
limits still checked on every request, but far above what one machine sends) and stops it at the end. A system
that is already running is used only if its gateway runs the load profile; otherwise the bench refuses.
A round with any error (HTTP status >= 400, socket error or timeout) is reported as invalid, exit status 1.
Raw wrk output: .microshop/logs/bench-gateway.log
EOF
}

while (( $# > 0 )); do
  case $1 in
    -t) threads=$2; shift 2 ;;
    -c) connections=$2; shift 2 ;;
    -d) duration=$2; shift 2 ;;
    -l) latency_duration=$2; shift 2 ;;
    -w) warmup=$2; shift 2 ;;
    -r) rounds=$2; shift 2 ;;
    --wrk-cpus) wrk_cpus=$2; shift 2 ;;
    --keep-up) keep_up=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  echo "The bench needs wrk (an HTTP load generator); install it with: apt-get install wrk" >&2
  exit 1
fi
# The CPU time (user + system, in clock ticks) a process of the system has used since it started.
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$(pid_of "$1")/stat"
}

# Signs the bench user up (a conflict just means it exists) and prints a fresh access token. Right after
# `up` the gateway may not have found user-service in discovery yet: it tries for 30 s.
access_token() {
  local attempt response
  for (( attempt = 1; attempt <= 30; attempt++ )); do
    curl -s -o /dev/null -X POST http://127.0.0.1:8080/api/users -H 'Content-Type: application/json' \
      -d "{\"email\":\"$EMAIL\",\"name\":\"Bench\",\"password\":\"$PASSWORD\"}" || true
    if response=$(curl -sf -X POST http://127.0.0.1:8080/api/auth/token -H 'Content-Type: application/json' \
        -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}"); then
      sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$response"
      return
    fi
    sleep 1
  done
  return 1
}

# The status of a GET of $1 with the token $2, once it is no longer 503 (service not yet in discovery).
status_of() {
  local attempt status
  for (( attempt = 1; attempt <= 30; attempt++ )); do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" "$1")
    [[ $status == 503 ]] || break
    sleep 1
  done
  echo "$status"
}

# Fails unless both targets answer 200 to the token and 401 to a forged one: both really check it.
check_targets() {
  local url status
  for url in "$DIRECT" "$GATEWAY"; do
    status=$(status_of "$url" "$BENCH_TOKEN")
    [[ $status == 200 ]] || { echo "GET $url with the bench token answered $status, not 200." >&2; exit 1; }
    status=$(status_of "$url" "${BENCH_TOKEN%?????}xxxxx")
    [[ $status == 401 ]] || { echo "GET $url with a forged token answered $status, not 401." >&2; exit 1; }
  done
}

new_token() {
  BENCH_TOKEN=$(access_token) || { echo "Could not log the bench user in through the gateway for 30 s." >&2; exit 1; }
  [[ -n $BENCH_TOKEN ]] || { echo "The log-in answer of the gateway had no access token." >&2; exit 1; }
  export BENCH_TOKEN
}

wrk_command() { # threads connections duration url
  local pinning=""
  [[ -n $wrk_cpus ]] && pinning="taskset -c $wrk_cpus "
  echo "${pinning}wrk -t$1 -c$2 -d$3 --latency -s $SCRIPT $4"
}

# Runs wrk (same arguments as wrk_command) and prints "requests/s p50-ms p99-ms errors service-cpu gateway-cpu",
# the CPU figures in milliseconds per request.
measure() {
  local command output service_before gateway_before
  command=$(wrk_command "$@")
  service_before=$(cpu_ticks inventory-service) gateway_before=$(cpu_ticks gateway)
  output=$($command 2>&1) || { echo "$output" >&2; exit 1; }
  printf '$ %s\n%s\n\n' "$command" "$output" >>"$RAW_OUTPUT"
  grep '^RESULT ' <<<"$output" | awk -v tick_ms=$(( 1000 / $(getconf CLK_TCK) )) \
      -v service=$(( $(cpu_ticks inventory-service) - service_before )) \
      -v gateway=$(( $(cpu_ticks gateway) - gateway_before )) '{
      for (i = 2; i <= NF; i++) { split($i, pair, "="); value[pair[1]] = pair[2] }
      printf "%.1f %.2f %.2f %d %.2f %.2f\n", value["requests"] / value["duration_us"] * 1e6, value["p50_us"] / 1000,
          value["p99_us"] / 1000, value["socket_errors"] + value["http_errors"],
          service * tick_ms / value["requests"], gateway * tick_ms / value["requests"] }'
}

print_row() { # label requests/s p50 p99 errors service-cpu gateway-cpu
  printf '  %-26s %10s %8s %8s %6s %8s %8s\n' "$@"
}

# Measures direct, then through the gateway; prints both rows and leaves their figures in direct/through.
measure_pair() { # label threads connections duration
  local label=$1 result
  shift
  result=$(measure "$@" "$DIRECT")
  read -ra direct <<<"$result"
  result=$(measure "$@" "$GATEWAY")
  read -ra through <<<"$result"
  print_row "$label, direct" "${direct[@]}"
  print_row "$label, gateway" "${through[@]}"
  errors=$(( errors + direct[3] + through[3] ))
}

start_system "$keep_up"
mkdir -p "$(dirname "$RAW_OUTPUT")"
: >"$RAW_OUTPUT"
new_token
check_targets

echo "Machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), load average" \
  "$(cut -d ' ' -f 1-3 /proc/loadavg) before the bench"
echo "Endpoint: GET /api/products/$PRODUCT with a bearer token, direct at inventory-service (8102) and through the gateway (8080)"
echo "wrk runs (raw output in $RAW_OUTPUT):"
echo "  warm-up, not counted:  $(wrk_command "$threads" "$connections" "$warmup" "$GATEWAY")"
echo "  then for each URL:     $(wrk_command "$threads" "$connections" "$duration" URL)"
echo "                         $(wrk_command 1 1 "$latency_duration" URL)"
echo "svc CPU, gw CPU: milliseconds of CPU time inventory-service and the gateway spent per request."
measure "$threads" "$connections" "$warmup" "$GATEWAY" >/dev/null

invalid=0 summaries=()
for (( round = 1; round <= rounds; round++ )); do
  new_token # access tokens live 15 minutes
  errors=0
  echo
  echo "Round $round of $rounds:"
  print_row "" "requests/s" "p50 ms" "p99 ms" "errors" "svc CPU" "gw CPU"
  measure_pair "$connections connections" "$threads" "$connections" "$duration"
  ratio=$(awk -v g="${through[0]}" -v d="${direct[0]}" 'BEGIN { printf "%.1f", 100 * g / d }')
  measure_pair "1 connection" 1 1 "$latency_duration"
  added_p50=$(awk -v g="${through[1]}" -v d="${direct[1]}" 'BEGIN { printf "%+.2f", g - d }')
  added_p99=$(awk -v g="${through[2]}" -v d="${direct[2]}" 'BEGIN { printf "%+.2f", g - d }')
  echo "  gateway/direct throughput: $ratio %; added by the gateway to one request: p50 $added_p50 ms, p99 $added_p99 ms"
  summaries+=("$ratio $added_p50 $added_p99")
  if (( errors > 0 )); then
    echo "  INVALID round: $errors errors (HTTP status >= 400, socket errors or timeouts); see $RAW_OUTPUT"
    invalid=1
  fi
done

if (( rounds > 1 )); then
  printf '%s\n' "${summaries[@]}" | awk '{ ratio[NR] = $1; p50[NR] = $2; p99[NR] = $3 }
    function median(a, n,   i, j, x) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { x = a[j]; a[j] = a[j - 1]; a[j - 1] = x }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "\nMedians of %d rounds: throughput %.1f %%; added to one request: p50 %+.2f ms, p99 %+.2f ms\n",
      NR, median(ratio, NR), median(p50, NR), median(p99, NR) }'
fi
exit "$invalid"
