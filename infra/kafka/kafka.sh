#!/usr/bin/env bash
# Runs a real single-node Apache Kafka 3.9 broker (KRaft, broker + controller
# in one JVM) on 127.0.0.1 for tests and local runs. No Docker needed: only a
# JDK (17+) and, for the first start, Maven to fetch the jars.
#
# Usage: infra/kafka/kafka.sh <command> [args]   (see `help` below)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$SCRIPT_DIR/.cache}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
HOST=127.0.0.1
BOOTSTRAP="$HOST:$KAFKA_PORT"

mkdir -p "$KAFKA_HOME_DIR"
KAFKA_HOME_DIR="$(cd "$KAFKA_HOME_DIR" && pwd)"
# A second broker (another home dir and ports) can share the jars of the first instead of fetching them.
LIB_DIR="${KAFKA_LIB_DIR:-$KAFKA_HOME_DIR/lib}"
DATA_DIR="$KAFKA_HOME_DIR/data"
CONF_DIR="$KAFKA_HOME_DIR/config"
LOG_DIR="$KAFKA_HOME_DIR/logs"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
PROPS="$CONF_DIR/server.properties"
POM="$SCRIPT_DIR/pom.xml"
STAMP="$LIB_DIR/.pom.sha256"

# JVM options for the short-lived command-line tools: start fast, stay small.
CLI_JAVA_OPTS=(-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2-cli.xml")

log() { echo "kafka.sh: $*"; }
die() { echo "kafka.sh: error: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found on PATH ($2)"; }

# A lock (fd 9 on <home>/.lock) so that concurrent starts, stops and jar
# downloads from parallel test runs do not trip over each other.
LOCK_HELD=0
lock() {
  if ((LOCK_HELD)) || ! command -v flock >/dev/null 2>&1; then return 0; fi
  exec 9>"$KAFKA_HOME_DIR/.lock"
  flock -w 300 9 || die "another kafka.sh has held $KAFKA_HOME_DIR/.lock for 5 minutes"
  LOCK_HELD=1
}
unlock() {
  if ((LOCK_HELD)); then
    flock -u 9
    exec 9>&-
    LOCK_HELD=0
  fi
}

# --------------------------------------------------------------------------
# Probes

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$1" 2>/dev/null
}

# True when a Kafka broker answers on 127.0.0.1:<port>: sends a real
# ApiVersions v0 request (api key 18, correlation id 42, client id "kafkash")
# and checks the response's correlation id and error code 0. No JVM needed.
kafka_answers() {
  local reply
  reply="$(timeout 5 bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 1
      printf "\x00\x00\x00\x11\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x07kafkash" >&3
      head -c 10 <&3 | od -An -tx1
    ' "$HOST" "${1:-$KAFKA_PORT}" 2>/dev/null)" || return 1
  reply="${reply//[[:space:]]/}"
  [[ "$reply" =~ ^[0-9a-f]{8}0000002a0000$ ]]
}

# True when <pid> is a live broker JVM started from this home dir's config.
is_our_broker() {
  local pid="$1" cmd
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmd" == *kafka.Kafka*"$PROPS"* ]]
}

# Prints the pid of the broker started by this script (from the pid file, or
# by looking for a JVM running exactly this server.properties), if any.
our_pid() {
  local pid="" d
  [[ -f "$PID_FILE" ]] && pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if is_our_broker "$pid"; then echo "$pid"; return 0; fi
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    if is_our_broker "$pid"; then echo "$pid"; return 0; fi
  done
  return 1
}

# --------------------------------------------------------------------------
# Jars, config, storage

# Copies the jars listed in pom.xml into $LIB_DIR. Runs Maven only when the
# stamp (the pom's hash) is missing or stale, so later starts stay offline.
jars_current() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$(sha256sum "$POM" | cut -d' ' -f1)" ]]
}

ensure_jars() {
  local took=0
  jars_current && return 0
  if ((!LOCK_HELD)); then
    lock
    took=1
  fi
  if ! jars_current; then
    fetch_jars
  fi
  if ((took)); then unlock; fi
}

fetch_jars() {
  local tmp
  need mvn "needed once to download the Kafka jars"
  log "resolving the Kafka jars with Maven into $LIB_DIR (first run only) ..."
  tmp="$KAFKA_HOME_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$LOG_DIR"
  if ! mvn -B -f "$POM" dependency:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$LOG_DIR/maven.log" 2>&1; then
    rm -rf "$tmp"
    grep -E "ERROR|BUILD" "$LOG_DIR/maven.log" | tail -n 20 >&2 || true
    die "Maven could not resolve the jars of $POM (full output in $LOG_DIR/maven.log)"
  fi
  sha256sum "$POM" | cut -d' ' -f1 >"$tmp/.pom.sha256"
  rm -rf "$LIB_DIR"
  mv "$tmp" "$LIB_DIR"
}

kafka_version() {
  local jar
  jar="$(cd "$LIB_DIR" && ls kafka_2.13-*.jar 2>/dev/null | head -n 1)"
  jar="${jar#kafka_2.13-}"
  echo "${jar%.jar}"
}

# Runs a Kafka command-line class with the cached jars.
run_class() {
  need java "install a JDK 17+"
  ensure_jars
  java "${CLI_JAVA_OPTS[@]}" -cp "$LIB_DIR/*" "$@"
}

write_props() {
  mkdir -p "$CONF_DIR" "$DATA_DIR" "$LOG_DIR"
  cat >"$PROPS" <<EOF
# Written by infra/kafka/kafka.sh on every start; edits here are overwritten.
# Single-node KRaft: this one process is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT

listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT

log.dirs=$DATA_DIR

# One broker: every internal topic has a single replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# Fewer partitions for the internal topics than the default 50, so the first
# consumer group / transaction on a fresh broker is ready sooner.
offsets.topic.num.partitions=5
transaction.state.log.num.partitions=5

# Tests join groups often: no 3 s wait before the first rebalance.
group.initial.rebalance.delay.ms=0

auto.create.topics.enable=true
num.partitions=3
EOF
}

format_storage() {
  [[ -f "$DATA_DIR/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(run_class kafka.tools.StorageTool random-uuid)"
  log "formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)"
  run_class kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" >/dev/null
}

# --------------------------------------------------------------------------
# Commands

show_log_tail() {
  if [[ -s "$LOG_DIR/server.log" ]]; then
    echo "----- last lines of $LOG_DIR/server.log -----" >&2
    tail -n 30 "$LOG_DIR/server.log" >&2
  fi
  if [[ -s "$LOG_DIR/kafka.out" ]]; then
    # Only this start's part of the broker's stdout/stderr (JVM errors land here).
    echo "----- $LOG_DIR/kafka.out since this start -----" >&2
    tac "$LOG_DIR/kafka.out" | sed '/^===== /q' | tac | tail -n 30 >&2
  fi
}

# Waits until the broker <pid> answers, or fails (stopping it) after the timeout.
wait_until_up() {
  local pid="$1" started="$2" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until kafka_answers; do
    if ! is_our_broker "$pid"; then
      rm -f "$PID_FILE"
      show_log_tail
      die "the broker process exited during startup (logs above, full logs in $LOG_DIR)"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      stop_broker >/dev/null 2>&1 || true
      die "the broker did not answer on $BOOTSTRAP within ${KAFKA_START_TIMEOUT}s (logs above, full logs in $LOG_DIR)"
    fi
    sleep 0.3
  done
  # A real admin call through the Kafka client: metadata is being served.
  if ! timeout 60 java "${CLI_JAVA_OPTS[@]}" -cp "$LIB_DIR/*" \
      org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --list >/dev/null; then
    show_log_tail
    die "the broker answers on $BOOTSTRAP but listing topics failed"
  fi
  local ms=$(($(now_ms) - started))
  log "Kafka $(kafka_version) broker is up on $BOOTSTRAP (pid $pid, ready after $((ms / 1000)).$((ms % 1000 / 100)) s; logs in $LOG_DIR)"
}

start_broker() {
  local started pid
  started="$(now_ms)"
  lock
  if kafka_answers; then
    if pid="$(our_pid)"; then
      log "a Kafka broker already answers on $BOOTSTRAP (pid $pid, started by this script); nothing to do"
    else
      log "a Kafka broker already answers on $BOOTSTRAP (not started by this script); nothing to do"
    fi
    return 0
  fi

  # Our broker is alive but not answering yet (a start in progress): wait for it.
  if pid="$(our_pid)"; then
    log "the broker (pid $pid) is still starting; waiting for it ..."
    wait_until_up "$pid" "$started"
    return 0
  fi
  rm -f "$PID_FILE"

  port_open "$KAFKA_PORT" &&
    die "port $KAFKA_PORT on $HOST is in use by something that is not a Kafka broker (set KAFKA_PORT to use another)"
  port_open "$KAFKA_CONTROLLER_PORT" &&
    die "controller port $KAFKA_CONTROLLER_PORT on $HOST is already in use (set KAFKA_CONTROLLER_PORT to use another)"

  need java "install a JDK 17+"
  ensure_jars
  write_props
  format_storage

  {
    echo
    echo "===== $(date -Is) kafka.sh start: Kafka $(kafka_version) on $BOOTSTRAP ====="
  } >>"$LOG_DIR/kafka.out"

  # setsid: the broker gets its own session, so it outlives this shell and
  # the job control of whatever started us. It writes its own pid, then execs java.
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS is a list of JVM options
  "${launcher[@]}" nohup bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" \
    java $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    "-Dkafka.logs.dir=$LOG_DIR" "-Dlog4j2.configurationFile=$SCRIPT_DIR/log4j2.xml" \
    -cp "$LIB_DIR/*" kafka.Kafka "$PROPS" \
    >>"$LOG_DIR/kafka.out" 2>&1 </dev/null 9>&- &

  local i
  for i in $(seq 1 50); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.1
  done
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "could not launch the broker (see $LOG_DIR/kafka.out)"
  log "started the broker (pid $pid), waiting for it to answer on $BOOTSTRAP ..."
  wait_until_up "$pid" "$started"
}

stop_broker() {
  local pid i
  lock
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"
    if kafka_answers; then
      log "no broker started by this script is running (something else answers on $BOOTSTRAP; left alone)"
    else
      log "no broker is running"
    fi
    return 0
  fi
  log "stopping the broker (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 300); do
    is_our_broker "$pid" || break
    sleep 0.1
  done
  if is_our_broker "$pid"; then
    log "still running after 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      is_our_broker "$pid" || break
      sleep 0.1
    done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

status_broker() {
  local pid
  if kafka_answers; then
    if pid="$(our_pid)"; then
      echo "Kafka broker answers on $BOOTSTRAP (pid $pid, started by kafka.sh)"
    else
      echo "Kafka broker answers on $BOOTSTRAP (not started by kafka.sh)"
    fi
    return 0
  fi
  if pid="$(our_pid)"; then
    echo "no Kafka broker answers on $BOOTSTRAP (pid $pid is running: still starting?)"
  else
    echo "no Kafka broker answers on $BOOTSTRAP"
  fi
  return 1
}

reset_broker() {
  stop_broker
  rm -rf "$DATA_DIR"
  log "deleted $DATA_DIR (the jars in $LIB_DIR are kept)"
}

usage() {
  cat <<EOF
Usage: $(basename "$0") <command> [args]

  start                 start the broker in the background on $BOOTSTRAP and wait
                        until it answers (does nothing if a broker already answers)
  stop                  stop the broker started by this script (SIGTERM, then SIGKILL after 30 s)
  status                exit 0 if a Kafka broker answers on $BOOTSTRAP, else 1
  reset                 stop and delete all topics and data (keeps the jars)
  fetch                 only download the jars (Maven) into the cache
  logs [-f]             show the end of the broker log (-f: follow it)

  topics [args]         org.apache.kafka.tools.TopicCommand, e.g. topics --list,
                        topics --create --topic t1 --partitions 3, topics --describe --topic t1
  produce <topic> [args]
                        kafka.tools.ConsoleProducer; one message per stdin line. With headers:
                        produce t1 --property parse.headers=true --property parse.key=true
                        and lines like  ce_type:deal.created,ce_id:1<TAB>key<TAB>value
  consume <topic> [args]
                        org.apache.kafka.tools.consumer.ConsoleConsumer from the beginning,
                        printing headers, key and value; add e.g. --max-messages 1 or
                        --timeout-ms 5000 to make it exit
  class <class> [args]  any other Kafka tool class, e.g.
                        class org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \\
                          --bootstrap-server $BOOTSTRAP --list

Environment: KAFKA_PORT ($KAFKA_PORT), KAFKA_CONTROLLER_PORT ($KAFKA_CONTROLLER_PORT),
KAFKA_HOME_DIR ($KAFKA_HOME_DIR), KAFKA_LIB_DIR (the jars, $LIB_DIR), KAFKA_START_TIMEOUT (seconds, $KAFKA_START_TIMEOUT),
KAFKA_HEAP_OPTS ($KAFKA_HEAP_OPTS).
EOF
}

cmd="${1:-help}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  start) start_broker ;;
  stop) stop_broker ;;
  status) status_broker ;;
  reset) reset_broker ;;
  fetch) need java "install a JDK 17+"; ensure_jars; log "jars of Kafka $(kafka_version) are in $LIB_DIR" ;;
  logs)
    [[ -f "$LOG_DIR/server.log" ]] || die "no log yet in $LOG_DIR"
    if [[ "${1:-}" == "-f" ]]; then tail -n 50 -F "$LOG_DIR/server.log"; else tail -n 100 "$LOG_DIR/server.log"; fi
    ;;
  topics) run_class org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" "$@" ;;
  produce)
    [[ $# -ge 1 ]] || die "usage: produce <topic> [ConsoleProducer args]"
    topic="$1"; shift
    run_class kafka.tools.ConsoleProducer --bootstrap-server "$BOOTSTRAP" --topic "$topic" "$@"
    ;;
  consume)
    [[ $# -ge 1 ]] || die "usage: consume <topic> [ConsoleConsumer args]"
    topic="$1"; shift
    run_class org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOTSTRAP" \
      --topic "$topic" --from-beginning \
      --property print.headers=true --property print.key=true "$@"
    ;;
  class)
    [[ $# -ge 1 ]] || die "usage: class <fully.qualified.ClassName> [args]"
    run_class "$@"
    ;;
  help | -h | --help) usage ;;
  *) usage >&2; die "unknown command: $cmd" ;;
esac
