#!/usr/bin/env bash
# Screenshots of the desktop app for the README, light and dark, taken from the real app under Xvfb.
#
#   packaging/screenshots/make-screenshots.sh [--build-dir DIR] [--out DIR] [--keep]
#
# Builds tessera and tessera-cli in DIR (default: build/ in the clone, as .ci/dev does) unless
# TESSERA_APP and TESSERA_CLI name the binaries. Makes a demo vault with tessera-cli (cheapest key
# derivation, master password on stdin) in a throw-away HOME, starts `tessera VAULT` under
# `xvfb-run -a -s "-screen 0 1280x800x24"`, unlocks it by typing with xdotool and saves, for each
# theme, into DIR (default: packaging/screenshots/):
#   unlock-THEME.png     the unlock screen, password typed
#   search-THEME.png     the main window after Ctrl+F and a few letters
#   main-THEME.png       the main window, an entry with a one-time code selected
#   editor-THEME.png     the entry editor
#   generator-THEME.png  the password generator (characters in light, a passphrase in dark)
#   health-THEME.png     the password health report
# then shrinks them (48-colour palette, no dithering, stripped). --keep leaves the temporary folder for a look.
#
# Dark: Qt 6.4 has no colour-scheme hint on X11, and Xvfb has no desktop to hand over a palette,
# so the app runs with qt6ct as its platform theme (QT_QPA_PLATFORMTHEME=qt6ct) and
# dark-colors.conf as its palette, which is what a dark desktop does for Qt apps. Light uses qt6ct
# with its default palette, so both use the same style (Fusion) and fonts.
#
# Installs nothing. Needs, besides the build's packages (.ci/dev): xvfb xauth xdotool imagemagick
# qt6ct, e.g. `sudo apt-get install --no-install-recommends xvfb xauth xdotool imagemagick qt6ct`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
readonly here source_dir

# Demo data. Not secrets: the vault is thrown away.
readonly master='correct horse battery staple'
readonly window_width=1120 window_height=720

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'make-screenshots: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Inside Xvfb: one theme's screenshots. Arguments: THEME APP VAULT OUT_DIR (HOME is set up).
# ---------------------------------------------------------------------------------------------

window_of() { # NAME-REGEX: the app's newest visible window whose title matches, waiting up to 20 s
    local id="" tries
    for tries in $(seq 1 100); do
        id=$(xdotool search --all --onlyvisible --pid "$pid" --name "$1" 2>/dev/null | tail -n 1 || true)
        [[ -n $id ]] && break
        sleep 0.2
    done
    [[ -n $id ]] || return 1
    printf '%s\n' "$id"
}

focus() { xdotool windowactivate --sync "$1" 2>/dev/null || xdotool windowfocus --sync "$1"; }

settle() { sleep "${1:-0.8}"; } # let Qt lay out and paint (no compositor to ask)

alive() { kill -0 "$pid" 2>/dev/null || die "the app exited or crashed ($theme) before '$1'; see $HOME/tessera-$theme.log"; }

shot() { # NAME [DIALOG]: the main window's area of the screen, dialogs over it included
    alive "$1"
    local file=$out/$1-$theme.png
    import -window root -crop "${window_width}x${window_height}+0+0" +repage "$file"
    if [[ -n ${2:-} ]]; then
        # Without a window manager a dialog has no frame: draw a thin one, as a desktop would.
        local X Y WIDTH HEIGHT WINDOW SCREEN
        eval "$(xdotool getwindowgeometry --shell "$2")"
        local color='#8c8c8c'
        [[ $theme == dark ]] && color='#101214'
        convert "$file" -fill none -stroke "$color" -strokewidth 1 \
            -draw "rectangle $((X - 1)),$((Y - 1)) $((X + WIDTH)),$((Y + HEIGHT))" "$file"
    fi
    say "saved $1-$theme.png"
}

inside() {
    theme=$1 app=$2 vault=$3 out=$4
    "$app" "$vault" >"$HOME/tessera-$theme.log" 2>&1 &
    pid=$!
    # shellcheck disable=SC2064
    trap "kill $pid 2>/dev/null || true" EXIT

    local main
    main=$(window_of 'Tessera') || die "no Tessera window appeared ($theme); see $HOME/tessera-$theme.log"
    xdotool windowmove --sync "$main" 0 0
    xdotool windowsize --sync "$main" "$window_width" "$window_height"
    focus "$main"
    settle 1.5

    # Unlock screen: the password field has the focus; type the master password.
    xdotool type --delay 30 "$master"
    settle
    shot unlock
    xdotool key Return
    settle 3 # the KDF is the cheapest there is; the vault opens and publishes

    # Main window: Ctrl+F and a few letters select the best match and show its details; Escape
    # gives the whole list back. For the picture, the entry is then picked from the full list:
    # a click on the list and its type-ahead search.
    xdotool key ctrl+f
    xdotool type --delay 60 github
    settle 1.5
    shot search
    xdotool key Escape
    xdotool mousemove 236 97 click 1 # the first row, in the Title column the type-ahead searches
    xdotool type --delay 60 GitHub
    xdotool mousemove 1100 700
    # A one-time code early in its 30 s period, so the ring shows most of the period left.
    while (($(date +%s) % 30 < 2 || $(date +%s) % 30 > 10)); do sleep 0.5; done
    settle 1.5
    shot main

    # Entry editor (Ctrl+E, straight from the search box) over the main window.
    xdotool key ctrl+e
    local editor
    if editor=$(window_of 'Edit|edit'); then
        focus "$editor"
        settle 1.5
        shot editor "$editor"
        xdotool key Escape
        settle
    else
        say "no entry editor appeared ($theme)"
    fi

    # Generator (Tools > Generate password…, Ctrl+G).
    focus "$main"
    xdotool key ctrl+g
    local generator
    if generator=$(window_of 'Generat'); then
        focus "$generator"
        # Dark shows the other mode: an EFF passphrase (the Passphrase tab, Alt+P).
        [[ $theme == dark ]] && xdotool key alt+p
        settle 1.5
        shot generator "$generator"
        xdotool key Escape
        settle
    else
        say "no generator appeared ($theme)"
    fi

    # Health report (Tools > Password health…) through the menu: Alt+T, then H.
    focus "$main"
    xdotool key alt+t
    settle 0.5
    xdotool key h
    local health
    if health=$(window_of 'health'); then
        settle 2 # the check runs on a worker
        shot health "$health"
        xdotool key Escape
    else
        say "no health report appeared ($theme)"
    fi

    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

if [[ ${1:-} == --inside ]]; then
    shift
    inside "$@"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
# Outside: build, make the demo vault, run each theme in its own Xvfb, shrink the PNGs.
# ---------------------------------------------------------------------------------------------

build_dir=$source_dir/build
out_dir=$here
keep=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --build-dir) build_dir=$(realpath -m "$2"); shift 2 ;;
        --out) out_dir=$(realpath -m "$2"); shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

missing=()
for tool in xvfb-run xauth xdotool import convert; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
qt6ct_plugin=$(find /usr/lib -path '*qt6/plugins/platformthemes/libqt6ct.so' 2>/dev/null | head -n 1)
[[ -n $qt6ct_plugin ]] || missing+=(qt6ct)
[[ ${#missing[@]} -eq 0 ]] ||
    die "missing ${missing[*]}: apt-get install --no-install-recommends xvfb xauth xdotool imagemagick qt6ct"

app=${TESSERA_APP:-}
cli=${TESSERA_CLI:-}
if [[ -z $app || -z $cli ]]; then
    say "building tessera and tessera-cli in $build_dir"
    if [[ ! -f $build_dir/CMakeCache.txt ]]; then
        cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    cmake --build "$build_dir" --target tessera tessera-cli >/dev/null
    app=${app:-$build_dir/app/tessera}
    cli=${cli:-$build_dir/app/tessera-cli}
fi
[[ -x $app ]] || die "no app at $app"
[[ -x $cli ]] || die "no tessera-cli at $cli"

work=$(mktemp -d "${TMPDIR:-/tmp}/tessera-screenshots.XXXXXX")
if [[ $keep -eq 0 ]]; then
    trap 'rm -rf "$work"' EXIT
else
    say "keeping $work"
fi
mkdir -p "$out_dir"

# A private HOME per run, so the app and the CLI share one data folder and the user's settings,
# vaults and data folder are never touched.
use_home() {
    export HOME=$1
    export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share
    export XDG_CACHE_HOME=$HOME/.cache XDG_RUNTIME_DIR=$HOME/.run
    unset TESSERA_DATA_DIR
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
}

# add TITLE [options...]: one entry; secret lines (after the master password) come from $secrets.
secrets=()
add() {
    printf '%s\n' "$master" "${secrets[@]}" | "$cli" add "$vault" --title "$@" >/dev/null
    secrets=()
}

make_vault() {
    vault=$HOME/Nextcloud/Personal.tessera
    mkdir -p "$(dirname "$vault")"
    printf '%s\n' "$master" |
        "$cli" create "$vault" --name "Personal" --kdf-ops 1 --kdf-mem 1 >/dev/null 2>&1
    secrets=('otpauth://totp/GitHub:alice.martin?secret=JBSWY3DPEHPK3PXP&issuer=GitHub')
    add "GitHub" --username alice.martin@example.com --url https://github.com/login \
        --folder Work/Development --tag dev --tag 2fa --favourite --generate=chars:24 \
        --totp-prompt --notes "Recovery codes are in the fire safe, envelope 3."
    add "GitLab (work)" --username amartin --url https://gitlab.acme.example \
        --folder Work/Development --tag dev --generate=chars:20
    secrets=('otpauth://totp/AWS:alice-admin?secret=KRSXG5CTMVRXEZLUKN2XAZLSONSWG4TF&issuer=Amazon%20Web%20Services')
    add "AWS console" --username alice-admin --url https://console.aws.amazon.com \
        --folder Work/Cloud --tag cloud --tag 2fa --generate=chars:32 --totp-prompt \
        --field "Account ID=4821-7730-1954"
    add "Slack" --username alice@acme.example --url https://acme.slack.com --folder Work \
        --tag chat --generate=words:5:sep=-:cap=first:digit
    add "Jira" --username alice@acme.example --url https://acme.atlassian.net --folder Work \
        --generate
    add "Gmail" --username alice.martin@gmail.com --url https://mail.google.com \
        --folder Personal --tag email --favourite --generate=words:6:sep=.:digit
    add "Mastodon" --username @alice@fosstodon.org --url https://fosstodon.org \
        --folder Personal/Social --tag social --generate
    add "Netflix" --username alice.martin@gmail.com --url https://www.netflix.com/login \
        --folder Personal/Streaming --tag family --generate=chars:16
    secrets=('Summer2019!')
    add "Spotify" --username alice.martin@gmail.com --url https://accounts.spotify.com \
        --folder Personal/Streaming --tag family --password-prompt
    secrets=('748 221 905')
    add "Bank of Example" --username 88412093 --url https://online.bankofexample.com \
        --folder Finance --tag bank --favourite --generate=chars:20 \
        --protected-field "Telephone PIN" --notes "Branch: 12 High Street. Card stop line +44 20 7946 0000."
    add "PayPal" --username alice.martin@gmail.com --url https://www.paypal.com/signin \
        --folder Finance --generate
    secrets=('Summer2019!')
    add "IKEA family" --username alice.martin@gmail.com --url https://www.ikea.com/profile/login \
        --folder Shopping --password-prompt
    add "Amazon" --username alice.martin@gmail.com --url https://www.amazon.co.uk/ap/signin \
        --folder Shopping --generate=chars:20
    secrets=('wifi-kitchen-42')
    add "Home Wi-Fi" --folder Home --tag network --field "SSID=Martins-5G" --password-prompt \
        --notes "Guest network: Martins-Guest (no password; isolated)."
    secrets=('admin')
    add "Router" --username admin --url http://192.168.1.1 --folder Home --tag network \
        --password-prompt
    add "Nextcloud" --username alice --url https://cloud.martin.example --folder Home \
        --tag sync --generate=words:6:sep=-
    add "Passport" --folder Personal --expires 2031-08-14 \
        --notes "Number and renewal date; scan attached in the paper folder."
}

say "making the demo vault"
use_home "$work/home"
make_vault
vault_rel=${vault#"$HOME"/}

for theme in light dark; do
    say "$theme: starting the app under Xvfb"
    rm -rf "$work/$theme"
    cp -a "$work/home" "$work/$theme"
    use_home "$work/$theme"
    mkdir -p "$XDG_CONFIG_HOME/qt6ct"
    {
        printf '[Appearance]\nstyle=Fusion\nstandard_dialogs=default\n'
        if [[ $theme == dark ]]; then
            printf 'custom_palette=true\ncolor_scheme_path=%s\n' "$here/dark-colors.conf"
        else
            printf 'custom_palette=false\n'
        fi
    } >"$work/qt6ct-$theme.conf"
    cp "$work/qt6ct-$theme.conf" "$XDG_CONFIG_HOME/qt6ct/qt6ct.conf"
    # A crash of the app fails the attempt (and is reported); try up to six times.
    for attempt in 1 2 3 4 5 6; do
        if QT_QPA_PLATFORMTHEME=qt6ct QT_QPA_PLATFORM=xcb LANG=C.UTF-8 \
            xvfb-run -a -s "-screen 0 1280x800x24" \
            "$here/make-screenshots.sh" --inside "$theme" "$app" "$HOME/$vault_rel" "$out_dir"; then
            break
        fi
        [[ $attempt -lt 6 ]] || die "$theme: six attempts failed"
        say "$theme: attempt $attempt failed; starting again from a fresh copy"
        rm -rf "$work/$theme"
        cp -a "$work/home" "$work/$theme"
        mkdir -p "$XDG_CONFIG_HOME/qt6ct"
        cp "$work/qt6ct-$theme.conf" "$XDG_CONFIG_HOME/qt6ct/qt6ct.conf"
    done
done

say "shrinking the PNGs"
for png in "$out_dir"/*-light.png "$out_dir"/*-dark.png; do
    [[ -f $png ]] || continue
    convert "$png" -strip -dither None -colors 48 -define png:compression-level=9 "PNG8:$png.tmp"
    mv "$png.tmp" "$png"
done
du -ch "$out_dir"/*.png | tail -n 1 >&2
