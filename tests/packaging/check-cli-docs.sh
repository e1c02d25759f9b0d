#!/usr/bin/env bash
# Every tessera-cli command and option is documented and completed: the commands listed by
# `tessera-cli --help` and the options listed by `tessera-cli COMMAND --help` must appear in the
# man page (packaging/man/tessera-cli.1), the zsh completion (packaging/completions/_tessera-cli)
# and, per command, in the bash completion (packaging/completions/tessera-cli.bash). Fails with a
# list of what is missing; a new option in the CLI then shows up here, not as a silent gap.
#
# Likewise every option of `tessera --help` must be in the desktop app's man page.
#
#   check-cli-docs.sh TESSERA_CLI PACKAGING_DIR TESSERA
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: $0 TESSERA_CLI PACKAGING_DIR TESSERA" >&2; exit 2; }
cli=$1
packaging=$2
app=$3
man_page=$packaging/man/tessera-cli.1
bash_completion=$packaging/completions/tessera-cli.bash
zsh_completion=$packaging/completions/_tessera-cli

missing=()
miss() { missing+=("$*"); }

# The commands: the indented first words of the "Commands:" block of the main help.
mapfile -t commands < <("$cli" --help | sed -n '/^Commands:/,/^$/{/^  [a-z]/s/^  \([a-z-]*\).*/\1/p}')
if [[ ${#commands[@]} -lt 10 ]]; then
  echo "check-cli-docs: found only ${#commands[@]} commands in tessera-cli --help" >&2
  exit 1
fi

# The man page as plain text: roff's \- is a hyphen, font escapes go.
man_text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(..//g' "$man_page")
zsh_text=$(<"$zsh_completion")

# The bash completion's own lists, asked from the script itself.
bash_commands=$(bash -c "source '$bash_completion' 2>/dev/null; declare -f _tessera_cli" |
  sed -n '/local commands=/,/"/p' | tr -d '"' | sed 's/local commands=//')
bash_options() {
  bash -c "source '$bash_completion' 2>/dev/null; _tessera_cli_options '$1'" | tr -s ' \n' '\n\n'
}

# The zsh completion's arguments for one command: its branch of the `case $command in`, plus
# the shared entry options for add and edit.
zsh_options() {
  awk -v command="$1" '
    /^    [a-z|-][a-z| -]*\)$/ {
      line = $0; sub(/^ +/, "", line); sub(/\)$/, "", line)
      n = split(line, names, / \| /); inside = 0
      for (i = 1; i <= n; i++) if (names[i] == command) inside = 1
    }
    /^    [a-z|-][a-z| -]*\)$/, /;;/ { if (inside) print }' "$zsh_completion"
  if [[ $1 == add || $1 == edit ]]; then
    sed -n '/^_tessera-cli_entry_options()/,/^}/p' "$zsh_completion"
  fi
}

options_checked=0
for command in "${commands[@]}"; do
  grep -qE "^\.(B|BI|BR) \"?${command//-/\\\\-}( |$)" "$man_page" ||
    miss "man page: no entry for the command $command"
  grep -qE "^    '${command}:" <<<"$zsh_text" || miss "zsh completion: command $command"
  grep -qw -- "$command" <<<"$bash_commands" || miss "bash completion: command $command"

  # Options: "  --name <VALUE>  text" or "  -o, --output <FILE>  text" lines of the help.
  mapfile -t options < <("$cli" "$command" --help |
    sed -n '/^Options:/,/^$/p' | grep -oE '^  (-[a-zA-Z], )?--[a-z0-9-]+' |
    grep -oE -- '--[a-z0-9-]+|-[a-zA-Z]')
  [[ ${#options[@]} -gt 0 ]] || miss "tessera-cli $command --help lists no options"
  completed=$(bash_options "$command")
  zsh_block=$(zsh_options "$command")
  for option in "${options[@]}"; do
    options_checked=$((options_checked + 1))
    grep -qxF -- "$option" <<<"$completed" || miss "bash completion: $command $option"
    [[ $option == -h || $option == --help ]] && continue
    grep -qE -- "(^|[^a-z0-9-])${option}([^a-z0-9-]|$)" <<<"$man_text" ||
      miss "man page: $command $option"
    grep -qE -- "[{'(),*]${option}[=[+]" <<<"$zsh_block" || miss "zsh completion: $command $option"
  done
done

# The bash completion at work, through bash-completion's own helpers (as an interactive shell
# loads it): a command, an option of that command, a value of --format.
complete_words() {
  bash -c 'source /usr/share/bash-completion/bash_completion; source "$1"; shift
           COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
           _tessera_cli tessera-cli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
           printf "%s\n" "${COMPREPLY[@]}"' bash "$bash_completion" "$@"
}
if [[ ! -r /usr/share/bash-completion/bash_completion ]]; then
  miss "bash-completion is not installed (Debian package bash-completion)"
else
  [[ $(complete_words tessera-cli attachment-e) == attachment-export ]] ||
    miss "bash completion: 'tessera-cli attachment-e' does not complete to attachment-export"
  grep -qx -- --show-protected <<<"$(complete_words tessera-cli show v.tessera --show)" ||
    miss "bash completion: 'tessera-cli show v.tessera --show' does not offer --show-protected"
  grep -qx -- keepass-xml <<<"$(complete_words tessera-cli import v.tessera --format keep)" ||
    miss "bash completion: 'import --format keep' does not offer keepass-xml"
fi

# Global options: "  --option ..." lines of the main help (e.g. --secret-key-file, which goes
# before or after the command), offered by both completions before the command.
mapfile -t global_options < <("$cli" --help | grep -oE '^ +--[a-z][a-z0-9-]*' | tr -d ' ')
for option in "${global_options[@]}"; do
  options_checked=$((options_checked + 1))
  grep -qE -- "(^|[^a-z0-9-])${option}([^a-z0-9-]|$)" <<<"$man_text" || miss "man page: global $option"
  grep -qE -- "'${option}[=[+]" <<<"$zsh_text" || miss "zsh completion: global $option"
  if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    grep -qx -- "$option" <<<"$(complete_words tessera-cli "${option:0:6}")" ||
      miss "bash completion: global $option"
  fi
done

# The desktop app's options (answered before Qt starts, so no display is needed).
app_man_text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$packaging/man/tessera.1")
mapfile -t app_options < <("$app" --help | sed -n '/^Options:/,/^$/p' | grep -oE -- '--[a-z][a-z0-9-]*')
[[ ${#app_options[@]} -gt 0 ]] || miss "tessera --help lists no options"
for option in "${app_options[@]}"; do
  options_checked=$((options_checked + 1))
  grep -qE -- "(^|[^a-z0-9-])${option}([^a-z0-9-]|$)" <<<"$app_man_text" ||
    miss "man page tessera.1: $option"
done

if [[ ${#missing[@]} -gt 0 ]]; then
  printf 'check-cli-docs: missing:\n' >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "check-cli-docs: ${#commands[@]} commands and $options_checked options are in the man pages and both completions"
