# What the benches share: the running system they measure. Sourced by gateway.sh and orders.sh.

# The Spring profile the benches run the system with: the gateway's rate limits as configured, but far above one
# machine's traffic (config/gateway-load.yml).
readonly LOAD_PROFILE=load

if ! command -v jq >/dev/null; then
  echo "The bench needs jq (it reads ./microshop status --json); install it with: apt-get install jq" >&2
  exit 1
fi

# The pid of a process of the running system (nothing when it has none), as the launcher reports it.
pid_of() {
  { ./microshop status --json 2>/dev/null || true; } |
    jq -r --arg name "$1" '.processes[] | select(.name == $name) | .pid // empty'
}

# The Spring profiles of the running gateway, read from its process environment.
running_gateway_profiles() {
  local pid
  pid=$(pid_of gateway)
  [[ -n $pid && -r /proc/$pid/environ ]] || return 0
  tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^SPRING_PROFILES_ACTIVE=//p'
}

# Uses the running system if its gateway runs the load profile, else refuses; starts the system if none runs, and
# stops it when the bench exits unless $1 (keep up) is true.
start_system() {
  local keep_up=$1
  if ./microshop status >/dev/null 2>&1; then
    local profiles
    profiles=$(running_gateway_profiles)
    if [[ ,$profiles, != *,$LOAD_PROFILE,* ]]; then
      echo "microshop is already running, and its gateway is not on the $LOAD_PROFILE profile (profiles: ${profiles:-unknown}):" >&2
      echo "its rate limits would answer 429 under load. Stop it with ./microshop down and run the bench again," >&2
      echo "which then starts the system itself (add --keep-up to leave it running for the next bench)." >&2
      exit 1
    fi
    echo "Using the running system (gateway profiles: $profiles)."
    return
  fi
  $keep_up || trap 'echo "Stopping the system..."; ./microshop down >/dev/null' EXIT
  echo "Starting the system with MICROSHOP_PROFILE=${MICROSHOP_PROFILE:-dev},$LOAD_PROFILE ..."
  local output
  # The first start after a build, on a busy machine, can take longer than up's usual 240 s.
  if ! output=$(MICROSHOP_PROFILE=${MICROSHOP_PROFILE:-dev},$LOAD_PROFILE ./microshop up --timeout 600); then
    echo "$output" >&2
    exit 1
  fi
  tail -n 1 <<<"$output"
}
