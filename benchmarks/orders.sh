#!/usr/bin/env bash
# ./microshop bench orders: how many orders the system confirms, how fast, and at what cost. Gatling
# (benchmarks/orders) runs an open-model workload through the gateway: shoppers arrive at a fixed rate, each places
# one order of 1-3 random products, and the rate steps up; then the report reads every accepted order back and prints
# per step the confirmed rate, latencies, errors, deadline cancellations, CPU per order for every process and memory.
set -euo pipefail

cd "${MICROSHOP_HOME:?run this through ./microshop bench orders}"
source benchmarks/system.sh

readonly CLASSPATH_FILE=benchmarks/orders/target/classpath.txt

steps=25,50,100,200,300,400 duration=60 warmup=60 drain=10 shoppers=100 keep_up=false sampling=

usage() {
  cat <<'EOF2'
usage: ./microshop bench orders [--steps RATES] [--duration SECONDS] [--warmup SECONDS] [--drain SECONDS]
                                [--shoppers N] [--sampling P] [--smoke] [--keep-up]

  --steps      the offered rates in orders per second, one step each (default 25,50,100,200,300,400)
  --duration   how long each step offers its rate (default 60)
  --warmup     orders ramping from 1/s up to the first step's rate, before it and not counted (default 60)
  --drain      a pause after each step, so that its orders end before the next one starts (default 10)
  --shoppers   the pool of signed-up shoppers the orders come from (default 100)
  --sampling   the share of requests traced, 0 to 1, for a system the bench starts (default: the system's, 1.0)
  --smoke      one short low step (5/s for 20 s, no warm-up): checks that the bench works, measures nothing
  --keep-up    leave the system running afterwards; the next bench uses it

Starts the system with MICROSHOP_PROFILE=<yours, else dev>,load (the gateway's rate limits far above one machine's
traffic) and stops it at the end; a running system is used if its gateway runs the load profile. Every product's
stock is set to 1,000,000 first, so no order fails for lack of it. After a step that fails clearly (an error, a
cancellation, or under 90 % of its orders confirmed), the run ends there.

Prints a table per step, writes it to .microshop/bench/orders-<time>.md, keeps Gatling's HTML report in
.microshop/bench/gatling/, and ends with one line:
  orders: best sustained N/s (offered M/s), place->confirmed p99 P ms at 100/s, C ms CPU per order, E errors, D deadline cancellations
(sustained: confirmed within 5 % of the offered rate, no error, no deadline cancellation). Exits 1 if an accepted
order was lost or is not final 90 s after the run.
EOF2
}

while (( $# > 0 )); do
  case $1 in
    --steps) steps=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --drain) drain=$2; shift 2 ;;
    --shoppers) shoppers=$2; shift 2 ;;
    --sampling) sampling=$2; shift 2 ;;
    --smoke) steps=5 duration=20 warmup=0 drain=5 shoppers=4; shift ;;
    --keep-up) keep_up=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

if [[ ! -f $CLASSPATH_FILE ]]; then
  echo "Building the bench (./mvnw -q -pl benchmarks/orders -am package -DskipTests)..."
  ./mvnw -B -ntp -q -pl benchmarks/orders -am package -DskipTests
fi

if [[ -n $sampling ]]; then
  if ./microshop status --json | jq -e .running >/dev/null; then
    echo "--sampling applies to a system the bench starts; stop the running one first (./microshop down)." >&2
    exit 2
  fi
  # Spring Boot's management.tracing.sampling.probability, for every process the launcher starts.
  export MANAGEMENT_TRACING_SAMPLING_PROBABILITY=$sampling
fi
start_system "$keep_up"

run_directory=.microshop/bench/gatling/orders-$(date +%Y%m%d-%H%M%S)
mkdir -p "$run_directory"
# Every order-service instance's Prometheus scrape (on its management port: main port + 10000).
status=$(./microshop status --json)
order_metrics=$(jq -r '[.processes[] | select(.name | test("^order-service(-[0-9]+)?$"))
  | "http://127.0.0.1:\(.ports[0] + 10000)/actuator/prometheus"] | join(",")' <<<"$status")
gateway_port=$(jq -r '.processes[] | select(.name == "gateway") | .ports[0]' <<<"$status")
settings=(
  -Dbench.gateway="http://127.0.0.1:$gateway_port"
  -Dbench.order-metrics="$order_metrics"
  -Dbench.home="$MICROSHOP_HOME"
  -Dbench.run-directory="$MICROSHOP_HOME/$run_directory"
  -Dbench.steps="$steps" -Dbench.step-seconds="$duration" -Dbench.warmup-seconds="$warmup"
  -Dbench.drain-seconds="$drain" -Dbench.shoppers="$shoppers"
)
classpath=benchmarks/orders/target/classes:$(cat "$CLASSPATH_FILE")

echo "Machine: $(nproc) cores, load average $(cut -d ' ' -f 1-3 /proc/loadavg) before the bench"
echo "Trace sampling: ${MANAGEMENT_TRACING_SAMPLING_PROBABILITY:-1.0 (the default)}"
echo "Steps: $steps orders/s, ${duration} s each after a ${warmup} s warm-up, ${drain} s apart; $shoppers shoppers"
# The JVM options Gatling's own launchers use: its stats writer reads String internals.
"$JAVA_HOME/bin/java" -Xmx1g -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 --add-opens=java.base/java.lang=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED "${settings[@]}" -cp "$classpath" \
  io.gatling.app.Gatling -s dev.microshop.bench.OrdersSimulation -rf "$MICROSHOP_HOME/$run_directory" -l microshop
echo "Reading every accepted order back..."
"$JAVA_HOME/bin/java" "${settings[@]}" -cp "$classpath" dev.microshop.bench.OrdersReport
