#!/usr/bin/env bash
# The box's own commands, called by `scripts/arasul` (and `arasul` of the Debian package):
#   bootstrap, status, validate-config, generate-secrets
# Every path is below ARASUL_ROOT (default /), so the tests run all of it against fixture root folders;
# the commands it runs (docker, nvidia-smi, df, curl, hostname, apt-get) are looked up on PATH, so the
# tests put recorded stand-ins there. Offline: nothing here downloads anything, except JetPack's
# NVIDIA container runtime from the box's own apt sources, and only with consent.
# No secret is ever printed or logged; the one exception is a generated admin password, shown once.
set -euo pipefail

BOX_ROOT=${ARASUL_ROOT:-/}
BOX_ROOT=${BOX_ROOT%/}
SCRIPTS=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# the compose files, liquibase changes and update keys: /opt/arasul from the package, else this checkout
SHARE=${ARASUL_SHARE:-$(if [[ -f "$SCRIPTS/../compose/docker-compose.yml" ]]; then cd "$SCRIPTS/.." && pwd; else echo /opt/arasul; fi)}
CONF="$BOX_ROOT/etc/arasul"
SECRETS="$CONF/secrets"
TLS="$CONF/tls"
CA_DIR="$CONF/ca"
STATE="$BOX_ROOT/var/lib/arasul"
ENV_FILE="$CONF/compose.env"
HEALTH_TIMEOUT=${ARASUL_HEALTH_TIMEOUT:-600}
POLL=${ARASUL_POLL_SECONDS:-2}

# The fixed UIDs of docker-compose.yml (one place; the compose policy test checks the file).
declare -A OWNER=([postgres]=70 [minio]=1001 [llm-models]=1002 [embedding-models]=1002 [n8n]=1000 [appliance]=900)
NGINX_UID=101
APPLIANCE_UID=900
# secret -> "uid:gid:mode" (the database password has two readers: PostgreSQL and the appliance)
declare -A SECRET_FILES=(
  [postgres_password]="70:900:0640" [admin_password]="900:900:0600"
  [minio_access_key]="1001:900:0640" [minio_secret_key]="1001:900:0640"
  [n8n_encryption_key]="1000:1000:0600" [n8n_api_key]="900:900:0600")
START_ORDER=(postgres-db minio llm-service embedding-service reverse-proxy arasul n8n)
AI_SERVICES=" llm-service embedding-service "

# exit codes, one per class of failure
EXIT_OK=0 EXIT_USAGE=2 EXIT_HARDWARE=10 EXIT_PREREQUISITES=11 EXIT_CONFIG=20 EXIT_STACK=30 EXIT_SMOKE=40

DRY_RUN=0 JSON=0 ALLOW_NON_JETSON=0 ASSUME_YES=0 SKIP_STACK=0
CHANGES=0
STEPS=()     # "status<TAB>name<TAB>sentence<TAB>suggestion"
WORST=0

say() { (( JSON )) || printf '%s\n' "$*" >&2; }

# Records a step of the report; the first failure class decides the exit code.
step() {
  local status=$1 name=$2 sentence=$3 suggestion=${4:-} code=${5:-0}
  STEPS+=("$status"$'\t'"$name"$'\t'"$sentence"$'\t'"$suggestion")
  if [[ $status == fail ]] && (( WORST == 0 )); then WORST=$code; fi
  if (( ! JSON )); then
    printf '%-8s %-22s %s\n' "[$status]" "$name" "$sentence" >&2
    [[ -n "$suggestion" && $status != ok && $status != changed ]] && printf '%-8s %-22s -> %s\n' "" "" "$suggestion" >&2
  fi
  return 0
}

# Runs a change, or in a dry run says what it would do.
change() {
  local what=$1; shift
  CHANGES=$((CHANGES + 1))
  if (( DRY_RUN )); then
    say "would: $what"
    return 0
  fi
  "$@"
}

json_escape() { local s=$1; s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/ }; printf '%s' "$s"; }

report() {
  local command=$1 entry status name sentence suggestion first=1
  if (( JSON )); then
    printf '{"command":"%s","dry_run":%s,"exit_code":%d,"changes":%d,"steps":[' \
      "$command" "$( ((DRY_RUN)) && echo true || echo false)" "$WORST" "$CHANGES"
    for entry in "${STEPS[@]}"; do
      IFS=$'\t' read -r status name sentence suggestion <<<"$entry"
      (( first )) || printf ','
      first=0
      printf '{"name":"%s","status":"%s","message":"%s","suggestion":"%s"}' "$(json_escape "$name")" \
        "$status" "$(json_escape "$sentence")" "$(json_escape "$suggestion")"
    done
    printf ']}\n'
  else
    local failed=0
    for entry in "${STEPS[@]}"; do [[ $entry == fail$'\t'* ]] && failed=$((failed + 1)); done
    if (( failed )); then say "$command: $failed step(s) failed (exit code $WORST)"; else say "$command: all good"; fi
  fi
}

# --- 1. hardware ------------------------------------------------------------------------------

read_file() { [[ -r "$BOX_ROOT$1" ]] && tr -d '\0' <"$BOX_ROOT$1" || true; }

check_hardware() {
  local model l4t major mem_kb mem_gb disk_kb disk_gb lenient=$ALLOW_NON_JETSON refuse
  refuse() { if (( lenient )); then step warn "$1" "$2 (allowed by --allow-non-jetson)" "$3"; else step fail "$1" "$2" "$3" "$EXIT_HARDWARE"; fi; }

  model=$(read_file /proc/device-tree/model)
  if [[ $model == *"AGX Orin"* ]]; then
    step ok model "$model"
  elif [[ $model == *"Orin Nano"* || $model == *"Orin NX"* ]]; then
    # not even --allow-non-jetson: a small Jetson would look like a box but could not hold the model
    step fail model "$model is too small for Arasul: the LLM needs the 32 or 64 GB of a Jetson AGX Orin" \
      "install Arasul on a Jetson AGX Orin" "$EXIT_HARDWARE"
  elif [[ -n $model ]]; then
    refuse model "$model is not a Jetson AGX Orin" "use a Jetson AGX Orin, or --allow-non-jetson on a development machine"
  else
    refuse model "this machine is not a Jetson (no /proc/device-tree/model)" \
      "use a Jetson AGX Orin, or --allow-non-jetson on a development machine"
  fi

  l4t=$(read_file /etc/nv_tegra_release | head -n 1)
  major=$(sed -n 's/^# R\([0-9]*\) .*/\1/p' <<<"$l4t")
  if [[ -z $major ]]; then
    refuse l4t "no L4T release found (/etc/nv_tegra_release)" "flash JetPack 6 (L4T R36) or newer with the NVIDIA SDK Manager"
  elif (( major >= 36 )); then
    step ok l4t "L4T R$major (JetPack 6 or newer)"
  else
    step fail l4t "L4T R$major is too old: Arasul needs JetPack 6 (L4T R36) or newer" \
      "flash JetPack 6 with the NVIDIA SDK Manager" "$EXIT_HARDWARE"
  fi

  mem_kb=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' "$BOX_ROOT/proc/meminfo" 2>/dev/null || true)
  mem_gb=$(( (${mem_kb:-0} + 524288) / 1048576 ))
  # the kernel keeps a little for itself: a 16 GB machine reports about 15 GiB
  if (( ${mem_kb:-0} < 15 * 1048576 )); then
    step fail memory "${mem_gb} GB RAM is less than the 16 GB Arasul needs" "use a machine with at least 16 GB (32 GB recommended)" "$EXIT_HARDWARE"
  elif (( mem_kb < 30 * 1048576 )); then
    step warn memory "${mem_gb} GB RAM works, but 32 GB or more is recommended for the LLM" "a 32 or 64 GB AGX Orin keeps larger models loaded"
  else
    step ok memory "${mem_gb} GB RAM"
  fi

  disk_kb=$(df -Pk "$BOX_ROOT/var/lib" 2>/dev/null | awk 'NR == 2 { print $2 }')
  disk_gb=$(( ${disk_kb:-0} / 1000000 ))
  if (( disk_gb < 64 )); then
    step fail disk "${disk_gb} GB of disk is less than the 64 GB Arasul needs" "add an NVMe drive of 128 GB or more and move /var/lib onto it" "$EXIT_HARDWARE"
  elif (( disk_gb < 128 )); then
    step warn disk "${disk_gb} GB of disk works, but 128 GB or more is recommended for models and backups" "add a larger NVMe drive"
  else
    step ok disk "${disk_gb} GB of disk"
  fi

  if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi >/dev/null 2>&1; then
    step ok gpu "the GPU answers (nvidia-smi)"
  elif [[ -e "$BOX_ROOT/dev/nvhost-gpu" || -e "$BOX_ROOT/sys/devices/gpu.0" || -e "$BOX_ROOT/dev/nvgpu/igpu0" ]]; then
    step ok gpu "the Jetson GPU is present"
  else
    refuse gpu "no NVIDIA GPU found (neither nvidia-smi nor the Jetson GPU device)" "check the JetPack installation (sudo apt install nvidia-jetpack)"
  fi
}

# Docker with the NVIDIA runtime; from JetPack's apt repository when missing, with consent.
check_docker() {
  local runtimes
  if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
    step fail docker "Docker is not installed or its engine does not answer (docker info)" \
      "install Docker (JetPack: sudo apt install nvidia-container docker.io) and start it: sudo systemctl enable --now docker" "$EXIT_PREREQUISITES"
    return
  fi
  runtimes=$(docker info --format '{{json .Runtimes}}' 2>/dev/null || true)
  if [[ $runtimes == *'"nvidia"'* ]]; then
    step ok docker "Docker runs, with the NVIDIA runtime"
    return
  fi
  if [[ -f "$BOX_ROOT/etc/apt/sources.list.d/nvidia-l4t-apt-source.list" ]] && consent "install the NVIDIA container runtime from JetPack's apt repository"; then
    if change "apt-get install -y nvidia-container-toolkit && nvidia-ctk runtime configure --runtime=docker" install_nvidia_runtime; then
      step changed docker "the NVIDIA container runtime was installed from JetPack's apt repository"
      return
    fi
  fi
  if (( ALLOW_NON_JETSON )); then
    step warn docker "Docker has no NVIDIA runtime: the LLM and embedding services cannot use a GPU here" \
      "on a development machine without GPU set OLLAMA runtime to runc in a compose override"
  else
    step fail docker "Docker has no NVIDIA runtime, so the AI services cannot use the GPU" \
      "sudo apt install nvidia-container-toolkit && sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker (or run bootstrap again with --yes)" "$EXIT_PREREQUISITES"
  fi
}

install_nvidia_runtime() {
  apt-get install -y nvidia-container-toolkit >/dev/null 2>&1 &&
    nvidia-ctk runtime configure --runtime=docker >/dev/null 2>&1 &&
    { systemctl restart docker >/dev/null 2>&1 || true; }
}

consent() {
  (( ASSUME_YES )) && return 0
  [[ -t 0 ]] || return 1
  local answer
  read -r -p "$1? [y/N] " answer
  [[ $answer == [yY]* ]]
}

# --- 2. folders, secrets, TLS, update key -----------------------------------------------------

# Makes $1 a folder with owner $2 and mode $3, changing only what differs.
ensure_dir() {
  local dir=$1 owner=$2 mode=$3
  if [[ ! -d $dir ]]; then
    change "create $dir ($owner, $mode)" install -d -o "${owner%%:*}" -g "${owner##*:}" -m "$mode" "$dir"
    return
  fi
  ensure_owner "$dir" "$owner" "$mode"
}

ensure_owner() {
  local path=$1 owner=$2 mode=$3
  if [[ $(stat -c '%u:%g' "$path") != "$owner" ]]; then
    change "chown $owner $path" chown "$owner" "$path"
  fi
  if [[ $(stat -c '%a' "$path") != "${mode#0}" ]]; then
    change "chmod $mode $path" chmod "$mode" "$path"
  fi
}

create_folders() {
  local before=$CHANGES name
  ensure_dir "$BOX_ROOT/etc" 0:0 0755
  ensure_dir "$CONF" 0:0 0755
  ensure_dir "$SECRETS" 0:0 0711
  ensure_dir "$CA_DIR" 0:0 0700
  ensure_dir "$TLS" "0:$NGINX_UID" 0750
  ensure_dir "$STATE" 0:0 0755
  for name in "${!OWNER[@]}"; do
    ensure_dir "$STATE/$name" "${OWNER[$name]}:${OWNER[$name]}" 0700
  done
  ensure_dir "$STATE/appliance/config" "$APPLIANCE_UID:$APPLIANCE_UID" 0700
  ensure_dir "$STATE/appliance/config/update-keys" "$APPLIANCE_UID:$APPLIANCE_UID" 0700
  if (( CHANGES > before )); then
    step changed folders "the folders under $STATE and $CONF were made with their owners"
  else
    step ok folders "the folders exist with their owners"
  fi
}

random_secret() { openssl rand -base64 48 | tr -d '/+=\n' | cut -c1-"${1:-40}"; }

write_secret() {
  local file=$1 owner=$2 mode=$3 length=$4 tmp
  tmp=$(mktemp "$SECRETS/.new.XXXXXX")
  random_secret "$length" >"$tmp"
  chown "$owner" "$tmp"
  chmod "$mode" "$tmp"
  mv "$tmp" "$file"
}

generate_secrets() {
  local before=$CHANGES name spec owner mode file
  [[ -d $SECRETS ]] || ensure_dir "$SECRETS" 0:0 0711
  for name in "${!SECRET_FILES[@]}"; do
    [[ $name == admin_password ]] && continue
    spec=${SECRET_FILES[$name]}
    owner=${spec%:*}; mode=${spec##*:}
    file="$SECRETS/$name"
    if [[ ! -s $file ]]; then
      local length=40
      [[ $name == minio_access_key ]] && length=20
      change "write the secret $name ($owner, $mode)" write_secret "$file" "$owner" "$mode" "$length"
    else
      ensure_owner "$file" "$owner" "$mode"
    fi
  done
  if (( CHANGES > before )); then
    step changed secrets "the secrets were written to $SECRETS (readable only by the services using them)"
  else
    step ok secrets "every secret is in place"
  fi
}

# The admin's first password: asked on a terminal, otherwise generated and shown once.
set_admin_password() {
  local file="$SECRETS/admin_password" spec=${SECRET_FILES[admin_password]} first second
  if [[ -s $file ]]; then
    ensure_owner "$file" "${spec%:*}" "${spec##*:}"
    step ok admin-password "the admin password is set"
    return
  fi
  if (( DRY_RUN )); then
    change "set the admin password (asked, or generated and shown once)" true
    step changed admin-password "the admin password would be set"
    return
  fi
  if [[ -t 0 ]] && (( ! ASSUME_YES )); then
    read -r -s -p "Admin password for the dashboard (empty: generate one): " first; echo >&2
    if [[ -n $first ]]; then
      read -r -s -p "Once more: " second; echo >&2
      [[ $first == "$second" ]] || { step fail admin-password "the two passwords differ" "run bootstrap again" "$EXIT_CONFIG"; return; }
    fi
  fi
  first=${first:-$(random_secret 20)}
  (umask 077; printf '%s' "$first" >"$file")
  chown "${spec%:*}" "$file"; chmod "${spec##*:}" "$file"
  CHANGES=$((CHANGES + 1))
  if [[ -t 0 ]] && (( ! ASSUME_YES )); then
    step changed admin-password "the admin password was set"
  else
    # the one time a secret is shown: the owner needs it for the first login
    { printf 'The dashboard password of "admin" (shown once, write it down): %s\n' "$first" >/dev/tty; } 2>/dev/null ||
      printf 'The dashboard password of "admin" (shown once, write it down): %s\n' "$first" >&2
    step changed admin-password "an admin password was generated and shown once"
  fi
}

host_name() { local h; h=$(read_file /etc/hostname | head -n 1); echo "${h:-arasul}"; }

# arasul.local, the hostname (plain and .local), localhost and the box's addresses
subject_alt_names() {
  local host address names
  host=$(host_name)
  names="DNS:arasul.local"
  [[ $host == arasul ]] || names+=",DNS:$host,DNS:$host.local"
  names+=",DNS:localhost,IP:127.0.0.1"
  for address in ${ARASUL_ADDRESSES:-$(hostname -I 2>/dev/null || true)}; do
    [[ $address == *:* ]] && continue   # IPv4 only: the box's LAN addresses
    names+=",IP:$address"
  done
  echo "$names"
}

make_ca() {
  openssl ecparam -name prime256v1 -genkey -noout -out "$CA_DIR/ca.key" 2>/dev/null
  chmod 0600 "$CA_DIR/ca.key"
  openssl req -x509 -new -key "$CA_DIR/ca.key" -sha256 -days 3650 -subj "/O=Arasul/CN=Arasul local CA ($(host_name))" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$TLS/ca.crt" 2>/dev/null
  chmod 0644 "$TLS/ca.crt"
  rm -f "$TLS/server.crt"   # a certificate of the old CA is worthless
}

make_server_certificate() {
  local sans=$1 csr
  csr=$(mktemp)
  openssl ecparam -name prime256v1 -genkey -noout -out "$TLS/server.key" 2>/dev/null
  chown "$NGINX_UID:$NGINX_UID" "$TLS/server.key"; chmod 0600 "$TLS/server.key"
  openssl req -new -key "$TLS/server.key" -subj "/O=Arasul/CN=arasul.local" -out "$csr" 2>/dev/null
  openssl x509 -req -in "$csr" -CA "$TLS/ca.crt" -CAkey "$CA_DIR/ca.key" -CAcreateserial -sha256 -days 825 \
    -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=CA:FALSE\n' "$sans") \
    -out "$TLS/server.crt" 2>/dev/null
  rm -f "$csr" "$TLS/ca.srl"
  chmod 0644 "$TLS/server.crt"
  printf '%s\n' "$sans" >"$TLS/server.names"
}

generate_tls() {
  local sans reason=""
  [[ -d $TLS ]] || ensure_dir "$TLS" "0:$NGINX_UID" 0750
  [[ -d $CA_DIR ]] || ensure_dir "$CA_DIR" 0:0 0700
  if [[ ! -s "$CA_DIR/ca.key" || ! -s "$TLS/ca.crt" ]] || ! openssl x509 -checkend 2592000 -noout -in "$TLS/ca.crt" >/dev/null 2>&1; then
    change "create the local certificate authority ($CA_DIR/ca.key, $TLS/ca.crt)" make_ca
    reason="a new local CA"
  fi
  sans=$(subject_alt_names)
  if [[ -n $reason || ! -s "$TLS/server.crt" || ! -s "$TLS/server.key" ]]; then
    reason=${reason:-a new certificate}
  elif [[ $(cat "$TLS/server.names" 2>/dev/null) != "$sans" ]]; then
    reason="the box's names or addresses changed"
  elif ! openssl x509 -checkend 2592000 -noout -in "$TLS/server.crt" >/dev/null 2>&1; then
    reason="the certificate expires within 30 days"
  elif ! openssl verify -CAfile "$TLS/ca.crt" "$TLS/server.crt" >/dev/null 2>&1; then
    reason="the certificate was not issued by the local CA"
  fi
  if [[ -n $reason ]]; then
    change "issue the TLS certificate for ${sans//,/ } ($reason)" make_server_certificate "$sans"
    step changed tls "the TLS certificate for arasul.local was issued ($reason)"
  else
    step ok tls "the TLS certificate for arasul.local is valid"
  fi
}

install_update_key() {
  local source=${ARASUL_UPDATE_KEY:-} target="$STATE/appliance/config/update-keys" key name
  if [[ -z $source ]]; then
    for key in "$SHARE"/update-keys/*.pub; do [[ -f $key ]] && source=$key && break; done
  fi
  if [[ -z $source ]]; then
    step warn update-key "no update public key was shipped, so no update package can be verified yet" \
      "copy the vendor's key: ARASUL_UPDATE_KEY=/path/to/key.pub arasul bootstrap"
    return
  fi
  name=$(basename "$source")
  if [[ -f "$target/$name" ]] && cmp -s "$source" "$target/$name"; then
    step ok update-key "the update public key $name is installed"
  else
    change "install the update public key $name" install -o "$APPLIANCE_UID" -g "$APPLIANCE_UID" -m 0644 "$source" "$target/$name"
    step changed update-key "the update public key $name was installed"
  fi
}

write_env_file() {
  local wanted
  wanted=$(sed -e "s#^ARASUL_STATE_DIR=.*#ARASUL_STATE_DIR=$STATE#" -e "s#^ARASUL_CONFIG_DIR=.*#ARASUL_CONFIG_DIR=$CONF#" \
    -e "s#^ARASUL_SECRETS_DIR=.*#ARASUL_SECRETS_DIR=$SECRETS#" "$SHARE/compose/.env.example")
  if [[ -f $ENV_FILE ]]; then
    step ok compose-env "$ENV_FILE exists (edited settings are kept)"
    return
  fi
  change "write $ENV_FILE" install_env "$wanted"
  step changed compose-env "$ENV_FILE was written from compose/.env.example"
}

install_env() { (umask 022; printf '%s\n' "$1" >"$ENV_FILE"); }

# --- 3. the stack -----------------------------------------------------------------------------

compose() { docker compose --project-name arasul --env-file "$ENV_FILE" -f "$SHARE/compose/docker-compose.yml" "$@"; }

health_of() {
  local id
  id=$(compose ps -q "$1" 2>/dev/null | head -n 1)
  [[ -n $id ]] || { echo missing; return; }
  docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null || echo missing
}

wait_healthy() {
  local service=$1 deadline=$((SECONDS + HEALTH_TIMEOUT)) state
  while :; do
    state=$(health_of "$service")
    [[ $state == healthy ]] && return 0
    (( SECONDS >= deadline )) && { echo "$state"; return 1; }
    sleep "$POLL"
  done
}

bring_up() {
  local service state
  if (( DRY_RUN )); then
    change "start ${START_ORDER[*]} in this order, each after the one before is healthy" true
    return
  fi
  for service in "${START_ORDER[@]}"; do
    if ! compose up -d --no-deps "$service" >/dev/null 2>&1; then
      step fail "start $service" "$service could not be started" "see: docker compose -p arasul logs $service" "$EXIT_STACK"
      return
    fi
    if [[ $AI_SERVICES == *" $service "* ]]; then
      continue   # checked at the end: a model that loads slowly must not hold the box back
    fi
    if state=$(wait_healthy "$service"); then
      step ok "start $service" "$service is healthy"
    else
      step fail "start $service" "$service did not become healthy within ${HEALTH_TIMEOUT} s (last state: $state)" \
        "see: docker compose -p arasul logs $service" "$EXIT_STACK"
      return
    fi
  done
  for service in llm-service embedding-service; do
    state=$(health_of "$service")
    if [[ $state == healthy ]]; then
      step ok "start $service" "$service is healthy"
    else
      step warn "start $service" "$service is not healthy yet ($state): the dashboard reports it while the model loads" \
        "wait a few minutes, then: arasul status"
    fi
  done
}

# --- 4. smoke tests ---------------------------------------------------------------------------

# "code seconds" of one HTTPS request to the box through the reverse proxy
probe() {
  local path=$1; shift
  curl -s -o /dev/null --max-time 10 --cacert "$TLS/ca.crt" --resolve "arasul.local:${HTTPS_PORT:-443}:127.0.0.1" \
    -w '%{http_code} %{time_total}' "$@" "https://arasul.local:${HTTPS_PORT:-443}$path" 2>/dev/null || echo "000 0"
}

within() { awk -v t="$1" -v limit="$2" 'BEGIN { exit !(t + 0 < limit + 0) }'; }

smoke_probe() {
  local name=$1 path=$2 limit=$3 expect=$4 answer code time; shift 4
  answer=$(probe "$path" "$@")
  code=${answer%% *}; time=${answer##* }
  if [[ $code != "$expect" ]]; then
    step fail "smoke $name" "$name answered HTTP $code instead of $expect" "see: docker compose -p arasul logs" "$EXIT_SMOKE"
  elif ! within "$time" "$limit"; then
    step fail "smoke $name" "$name took ${time} s, more than the ${limit} s allowed" "check the load: arasul status" "$EXIT_SMOKE"
  else
    step ok "smoke $name" "$name answered in ${time} s (limit ${limit} s)"
  fi
}

smoke_tests() {
  local token tables missing expected
  token=$(curl -s --max-time 10 --cacert "$TLS/ca.crt" --resolve "arasul.local:${HTTPS_PORT:-443}:127.0.0.1" \
    -H 'Content-Type: application/json' --data-binary @<(printf '{"username":"admin","password":"%s"}' "$(cat "$SECRETS/admin_password")") \
    "https://arasul.local:${HTTPS_PORT:-443}/api/auth/login" 2>/dev/null | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  smoke_probe dashboard / 1.5 200
  if [[ -z $token ]]; then
    step fail "smoke login" "the admin cannot log in with the password in $SECRETS/admin_password" \
      "if the password was changed on the dashboard, this is expected: run the smoke tests with: arasul status" "$EXIT_SMOKE"
  else
    smoke_probe llm /v1/chat/completions 2 200 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data '{"messages":[{"role":"user","content":"ping"}],"max_tokens":1}'
    smoke_probe embedding /v1/embeddings 0.08 200 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      --data '{"input":"ping"}'
    smoke_probe n8n /n8n/ 5 200 -b "arasul_proxy=$(proxy_cookie "$token")"
  fi
  expected=$(sed -n 's/^ *CREATE TABLE \(IF NOT EXISTS \)\{0,1\}\([a-zA-Z_0-9]*\).*/\2/Ip' "$SHARE"/liquibase/changes/*.sql 2>/dev/null | tr 'A-Z' 'a-z' | sort -u)
  tables=$(compose exec -T postgres-db sh -c 'psql -qAt -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "select tablename from pg_tables where schemaname = current_schema()"' 2>/dev/null | sort -u)
  missing=$(comm -23 <(printf '%s\n' "$expected") <(printf '%s\n' "$tables") | grep -v '^$' | tr '\n' ' ' || true)
  if [[ -z $tables ]]; then
    step fail "smoke tables" "the database lists no tables" "see: docker compose -p arasul logs postgres-db arasul" "$EXIT_SMOKE"
  elif [[ -n $missing ]]; then
    step fail "smoke tables" "tables are missing: $missing" "see the appliance's start log: docker compose -p arasul logs arasul" "$EXIT_SMOKE"
  else
    step ok "smoke tables" "every table is present ($(wc -w <<<"$expected") expected)"
  fi
  # the credentials stay inside the container: read from its secret files there
  if compose exec -T minio sh -c 'mc alias set box http://127.0.0.1:9000 "$(cat /run/secrets/minio_access_key)" "$(cat /run/secrets/minio_secret_key)" >/dev/null && mc ls box >/dev/null' >/dev/null 2>&1; then
    step ok "smoke minio" "MinIO lists its buckets"
  else
    step fail "smoke minio" "MinIO does not list its buckets" "see: docker compose -p arasul logs minio" "$EXIT_SMOKE"
  fi
}

proxy_cookie() {
  curl -s -o /dev/null -D - --max-time 10 --cacert "$TLS/ca.crt" --resolve "arasul.local:${HTTPS_PORT:-443}:127.0.0.1" \
    -X POST -H "Authorization: Bearer $1" "https://arasul.local:${HTTPS_PORT:-443}/api/auth/proxy-session" 2>/dev/null |
    sed -n 's/^[Ss]et-[Cc]ookie: arasul_proxy=\([^;]*\).*/\1/p'
}

# --- commands ---------------------------------------------------------------------------------

validate_config() {
  local name spec file output
  if [[ ! -f "$SHARE/compose/docker-compose.yml" ]]; then
    step fail compose-file "$SHARE/compose/docker-compose.yml is missing" "reinstall the arasul package" "$EXIT_CONFIG"
    return
  fi
  for name in "${!SECRET_FILES[@]}"; do
    spec=${SECRET_FILES[$name]}; file="$SECRETS/$name"
    if [[ ! -s $file ]]; then
      step fail "secret $name" "the secret $name is missing" "arasul generate-secrets" "$EXIT_CONFIG"
    elif [[ $(stat -c '%u:%g %a' "$file") != "${spec%:*} ${spec##*:0}" ]]; then
      step fail "secret $name" "the secret $name has owner or mode $(stat -c '%u:%g %a' "$file"), not ${spec%:*} ${spec##*:}" "arasul generate-secrets (it repairs owners and modes)" "$EXIT_CONFIG"
    fi
  done
  for file in ca.crt server.crt server.key; do
    [[ -s "$TLS/$file" ]] || step fail "tls $file" "$TLS/$file is missing" "arasul generate-secrets" "$EXIT_CONFIG"
  done
  if [[ -s "$TLS/server.crt" ]] && ! openssl verify -CAfile "$TLS/ca.crt" "$TLS/server.crt" >/dev/null 2>&1; then
    step fail tls "the TLS certificate was not issued by the local CA" "arasul generate-secrets" "$EXIT_CONFIG"
  fi
  [[ -f $ENV_FILE ]] || step fail compose-env "$ENV_FILE is missing" "arasul bootstrap" "$EXIT_CONFIG"
  if [[ -f $ENV_FILE ]] && command -v docker >/dev/null 2>&1; then
    if output=$(compose config -q 2>&1); then
      step ok compose-file "docker compose accepts the configuration"
    else
      step fail compose-file "docker compose refuses the configuration: $(head -n 1 <<<"$output")" "fix $ENV_FILE" "$EXIT_CONFIG"
    fi
  fi
  (( WORST )) || step ok config "the configuration is complete"
}

status() {
  local service state
  for service in "${START_ORDER[@]}"; do
    state=$(health_of "$service")
    case $state in
      healthy | running) step ok "$service" "$state" ;;
      *) step fail "$service" "$service is $state" "see: docker compose -p arasul logs $service" "$EXIT_STACK" ;;
    esac
  done
}

usage() {
  cat <<EOF
usage: arasul bootstrap [--dry-run] [--json] [--allow-non-jetson] [--yes] [--skip-stack]
       arasul status [--json]
       arasul validate-config [--json]
       arasul generate-secrets [--dry-run] [--json]

Exit codes: 0 all good, 2 usage, 10 hardware refused, 11 Docker or NVIDIA runtime missing,
20 configuration or secrets, 30 the stack did not become healthy, 40 a smoke test failed.
Paths are below ARASUL_ROOT (default /).
EOF
}

main() {
  local command=${1:-help}
  [[ $# -gt 0 ]] && shift
  while [[ $# -gt 0 ]]; do
    case $1 in
      --dry-run) DRY_RUN=1 ;;
      --json) JSON=1 ;;
      --allow-non-jetson) ALLOW_NON_JETSON=1 ;;
      --yes | -y) ASSUME_YES=1 ;;
      --skip-stack) SKIP_STACK=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; exit "$EXIT_USAGE" ;;
    esac
    shift
  done
  case $command in
    bootstrap)
      check_hardware
      if (( WORST == 0 )); then check_docker; fi
      if (( WORST == 0 )); then
        create_folders
        generate_secrets
        set_admin_password
        generate_tls
        install_update_key
        write_env_file
      fi
      if (( WORST == 0 && ! SKIP_STACK )); then
        bring_up
        (( WORST == 0 && ! DRY_RUN )) && smoke_tests
      fi
      ;;
    generate-secrets) generate_secrets; generate_tls ;;
    validate-config) validate_config ;;
    status) status ;;
    help | -h | --help) usage; exit 0 ;;
    *) usage >&2; exit "$EXIT_USAGE" ;;
  esac
  report "$command"
  exit "$WORST"
}

main "$@"
