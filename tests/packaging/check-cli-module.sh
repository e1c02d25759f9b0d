#!/usr/bin/env bash
# tessera-cli and its desktop module (app/platform/DesktopModule.h), on the binaries of a build:
# - tessera-cli links neither QtGui, QtDBus nor qtkeychain (readelf NEEDED, and nothing ldd
#   resolves pulls them in): every command starts without them;
# - the module beside it holds them, and exports its one factory;
# - the module is found relative to the executable's own file only: a copy of tessera-cli in a
#   scratch tree without the module fails the Emergency Kit with a one-line error naming where it
#   looked, whatever LD_LIBRARY_PATH and the current folder hold; a vault whose key is in a
#   key file still opens (with a warning), a key is never saved to a file in the keyring's place,
#   and what needs neither kit nor keyring (--help, TESSERA_SECRET_KEY_STORE=file) just works;
#   with the module copied where the layout puts it, the same copy writes the kit (pdftotext,
#   when there, finds the key in it).
#
#   check-cli-module.sh TESSERA_CLI MODULE MODULE_RELDIR WORK_DIR
#
# Needs readelf (binutils) and ldd (libc-bin).
set -euo pipefail

[[ $# -eq 4 ]] || { echo "usage: $0 TESSERA_CLI MODULE MODULE_RELDIR WORK_DIR" >&2; exit 2; }
cli=$(realpath "$1")
module=$(realpath "$2")
reldir=$3
work=$(realpath -m "$4")

failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
ok() { printf 'ok: %s\n' "$*"; }

command -v readelf >/dev/null || { echo "check-cli-module: readelf (binutils) is missing" >&2; exit 1; }
desktop_libs='libQt6Gui|libQt6DBus|libqt6keychain|libQt6Widgets|libdbus-1'

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'; }

# 1. What tessera-cli links.
cli_needed=$(needed "$cli")
[[ -n $cli_needed ]] || fail "readelf found no NEEDED entries in $cli"
if grep -E "^($desktop_libs)\." <<<"$cli_needed"; then
  fail "tessera-cli links the libraries above again: they belong in the desktop module"
fi
if ldd "$cli" | grep -E "($desktop_libs)\."; then
  fail "tessera-cli pulls in the libraries above through its other libraries"
fi
ok "tessera-cli NEEDED: $(tr '\n' ' ' <<<"$cli_needed")"

# 2. The module.
[[ -f $module ]] || fail "no module at $module"
[[ $(cd "$(dirname "$cli")/$reldir" 2>/dev/null && pwd -P)/$(basename "$module") == \
  "$(cd "$(dirname "$module")" && pwd -P)/$(basename "$module")" ]] ||
  fail "the module is not at tessera-cli's directory + $reldir"
needed "$module" | grep -q '^libQt6Gui\.' || fail "the module does not link QtGui"
readelf --dyn-syms -W "$module" | grep -qE ' FUNC +GLOBAL +DEFAULT +[0-9]+ tessera_desktop_services$' ||
  fail "the module does not export tessera_desktop_services"
ok "module $(basename "$module"): NEEDED $(needed "$module" | grep -cE "^($desktop_libs)\.") desktop libraries"

# 3. A copy of tessera-cli without its module.
rm -rf "$work"
mkdir -p "$work/bin" "$work/evil" "$work/data"
mkdir -m 700 "$work/runtime"
cp "$cli" "$work/bin/tessera-cli"
copy=$work/bin/tessera-cli
expected_module=$(realpath -m "$work/bin/$reldir/$(basename "$module")")
# A module where a redirectable search would find one: it must never be loaded.
cp "$module" "$work/evil/$(basename "$module")"
vault=$work/vault.tessera
password='correct horse battery staple'
run() { # EXPECTED-EXIT STDIN CLI ARGS... (stdout+stderr in $work/out)
  local expected=$1 input=$2 status=0
  shift 2
  (cd "$work/evil" && printf '%s\n' "$input" |
    env TESSERA_DATA_DIR="$work/data" LD_LIBRARY_PATH="$work/evil" XDG_RUNTIME_DIR="$work/runtime" \
      DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-bus" "$@") >"$work/out" 2>&1 || status=$?
  [[ $status -eq $expected ]] || { cat "$work/out" >&2; fail "exit $status, expected $expected: ${*:2}"; }
}

run 0 "$password" env TESSERA_SECRET_KEY_STORE=file "$cli" create --secret-key --kdf-ops 1 \
  --kdf-mem 1 "$vault"
key=$(grep -oE 'T1(-[0-9A-Z]{5}){6}' "$work/out" | head -1 || true)
[[ -n $key ]] || fail "create --secret-key printed no key"
printf '%s\n' "$key" >"$work/key.txt"
chmod 600 "$work/key.txt"
keyfiles() { find "$work/data/secret-keys" -name '*.key' 2>/dev/null | wc -l; }
[[ $(keyfiles) -eq 1 ]] || fail "create did not store the key in a file"

run 0 "" "$copy" --version
run 6 "$password" "$copy" emergency-kit "$vault" "$work/kit.pdf"
[[ $(wc -l <"$work/out") -eq 1 ]] || fail "the missing module's error is not one line: $(cat "$work/out")"
grep -qxF "tessera-cli: the Emergency Kit needs tessera's desktop module, which cannot be loaded: \
$expected_module: cannot open shared object file: No such file or directory" "$work/out" ||
  fail "emergency-kit without the module said: $(cat "$work/out")"
[[ ! -e $work/kit.pdf ]] || fail "emergency-kit without the module left a file"
ok "without the module: $(cat "$work/out")"

# The key is in a key file: the vault opens, with a warning that the keyring was not asked.
run 0 "$password" "$copy" ls "$vault"
grep -q "warning: the desktop keyring needs tessera's desktop module" "$work/out" ||
  fail "ls without the module gave no warning: $(cat "$work/out")"
# A key meant for the keyring never lands in a file instead.
run 6 "" "$copy" secret-key forget "$vault"
[[ $(keyfiles) -eq 0 ]] || fail "forget without the module kept the key file"
run 6 "$password" "$copy" --secret-key-file "$work/key.txt" secret-key remember "$vault"
[[ $(keyfiles) -eq 0 ]] || fail "remember without the module wrote a key file"
run 0 "$password" env TESSERA_SECRET_KEY_STORE=file "$copy" --secret-key-file "$work/key.txt" \
  secret-key remember "$vault"
[[ $(keyfiles) -eq 1 ]] || fail "remember with TESSERA_SECRET_KEY_STORE=file stored no file"
ok "without the module: key files read, never written in the keyring's place"

# What needs neither the kit nor the keyring works without the module.
run 0 "" "$copy" emergency-kit --help
run 0 "$password" env TESSERA_SECRET_KEY_STORE=file "$copy" secret-key enable --replace "$vault"
grep -oE 'T1(-[0-9A-Z]{5}){6}' "$work/out" | head -1 >"$work/key.txt" || true
[[ -s $work/key.txt ]] || fail "secret-key enable printed no key"
run 0 "" env TESSERA_SECRET_KEY_STORE=file "$copy" secret-key forget "$vault"
run 0 "$password" env TESSERA_SECRET_KEY_STORE=file "$copy" --secret-key-file "$work/key.txt" \
  secret-key remember "$vault"
ok "without the module: --help, secret-key enable/forget/remember with TESSERA_SECRET_KEY_STORE=file"

# 4. The same copy with the module where the layout puts it: the keyring is asked (no session
# bus here, so none), the key comes from its file, the kit is drawn.
mkdir -p "$(dirname "$expected_module")"
cp "$module" "$expected_module"
run 0 "$password" "$copy" emergency-kit "$vault" "$work/kit.pdf"
! grep -q '^tessera-cli:' "$work/out" || fail "emergency-kit with the module said: $(cat "$work/out")"
[[ $(head -c 5 "$work/kit.pdf" 2>/dev/null) == '%PDF-' ]] || fail "no PDF from the copy with its module"
if command -v pdftotext >/dev/null; then
  pdftotext "$work/kit.pdf" - 2>/dev/null | grep -qF "$(cat "$work/key.txt")" ||
    fail "the kit does not hold the vault's secret key"
fi
ok "with the module at bin/$reldir: the Emergency Kit is written"

if [[ $failures -gt 0 ]]; then
  echo "check-cli-module: $failures check(s) failed" >&2
  exit 1
fi
echo "check-cli-module: all checks passed"
