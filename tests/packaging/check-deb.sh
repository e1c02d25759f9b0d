#!/usr/bin/env bash
# The Debian package, end to end: build it with CPack from this build tree, check its file list
# and control fields, extract it into a scratch root, validate what it installs (desktop entry,
# AppStream, MIME type, icons, man pages) with the freedesktop tools, and run the installed
# binaries (the desktop app up to its first screen, offscreen and under Xvfb, with every Qt plugin
# it loads checked against Depends; tessera-cli without QtGui/QtDBus, making an Emergency Kit
# through its desktop module).
#
#   check-deb.sh BUILD_DIR WORK_DIR APP_ID VERSION MODULE
#
# MODULE: tessera-cli's desktop module below the prefix (lib/tessera/libtessera-desktop.so).
#
# Needs dpkg-dev, file, desktop-file-utils, appstream, shared-mime-info, libxml2-utils,
# groff-base, xvfb and xauth (all in .ci/dev's package list).
set -euo pipefail

[[ $# -eq 5 ]] || { echo "usage: $0 BUILD_DIR WORK_DIR APP_ID VERSION MODULE" >&2; exit 2; }
build_dir=$1
work=$2
app_id=$3
version=$4
module=$5

failures=0
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }
ok() { printf 'ok: %s\n' "$*"; }
step() { printf '\n== %s\n' "$*"; }

for tool in cpack dpkg-deb dpkg-shlibdeps file desktop-file-validate appstreamcli \
  update-mime-database xmllint groff; do
  command -v "$tool" >/dev/null || { echo "check-deb: $tool is missing (see .ci/dev)" >&2; exit 1; }
done

rm -rf "$work"
mkdir -p "$work"

step "cpack"
if ! cpack --config "$build_dir/CPackConfig.cmake" -B "$work/package" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  echo "check-deb: cpack failed" >&2
  exit 1
fi
shopt -s nullglob
debs=("$work"/package/tessera_*.deb)
[[ ${#debs[@]} -eq 1 ]] || { echo "check-deb: expected one tessera_*.deb, got ${#debs[@]}" >&2; exit 1; }
deb=${debs[0]}
arch=$(dpkg --print-architecture)
[[ $(basename "$deb") == "tessera_${version}_${arch}.deb" ]] ||
  fail "file name $(basename "$deb"), expected tessera_${version}_${arch}.deb"
ok "$(basename "$deb"), $(($(stat -c %s "$deb") / 1024)) KiB"

step "control data (dpkg-deb -I)"
dpkg-deb -I "$deb" control | sed 's/^/  /'
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == tessera ]] || fail "Package: $(field Package)"
[[ $(field Version) == "$version" ]] || fail "Version: $(field Version), expected $version"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture: $(field Architecture)"
[[ $(field Section) == utils ]] || fail "Section: $(field Section)"
[[ $(field Priority) == optional ]] || fail "Priority: $(field Priority)"
[[ $(field Maintainer) == *'<'*@*'>' ]] || fail "Maintainer: $(field Maintainer)"
[[ $(field Homepage) == https://* ]] || fail "Homepage: $(field Homepage)"
[[ $(field Description | wc -l) -ge 3 ]] || fail "Description has no long text"
# From dpkg-shlibdeps (linked) and from packaging/CMakeLists.txt (plugins loaded at run time).
depends=$(field Depends)
for package in libc6 libstdc++6 libsodium23 libsqlcipher0 libssl3 libqt6core6 libqt6gui6 \
  libqt6widgets6 libqt6network6 libqt6dbus6 libqt6svg6; do
  [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]] ||
    fail "Depends lacks $package"
done
[[ $depends != *'${'* ]] || fail "Depends holds an unexpanded variable: $depends"
ok "Depends: $depends"
# No maintainer scripts: dpkg triggers refresh the desktop, MIME, icon and man caches.
scripts=$(dpkg-deb -I "$deb" | grep -oE ' (pre|post)(inst|rm)' || true)
[[ -z $scripts ]] || fail "unexpected maintainer scripts:$scripts"

step "contents (dpkg-deb -c)"
dpkg-deb -c "$deb" | awk '{print $1, $6}' >"$work/contents"
expected=(
  ./usr/bin/tessera
  ./usr/bin/tessera-cli
  "./usr/$module"
  "./usr/share/applications/$app_id.desktop"
  "./usr/share/metainfo/$app_id.metainfo.xml"
  "./usr/share/mime/packages/$app_id.xml"
  "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"
  ./usr/share/man/man1/tessera.1.gz
  ./usr/share/man/man1/tessera-cli.1.gz
  ./usr/share/bash-completion/completions/tessera-cli
  ./usr/share/zsh/vendor-completions/_tessera-cli
  ./usr/share/doc/tessera/copyright
  ./usr/share/doc/tessera/changelog.gz
)
sizes=(16 22 24 32 48 64 128 256 512)
for size in "${sizes[@]}"; do
  expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
  grep -qE "^-[rwx-]{9} ${path//./\\.}$" "$work/contents" || fail "the package lacks $path"
done
grep -qE '^-rwxr-xr-x \./usr/bin/tessera$' "$work/contents" || fail "usr/bin/tessera is not 0755"
grep -qE "^-rw-r--r-- \./usr/${module//./\\.}$" "$work/contents" || fail "usr/$module is not 0644"
outside=$(awk '$2 != "./" && $2 !~ /^\.\/usr\// {print $2}' "$work/contents")
[[ -z $outside ]] || fail "files outside /usr: $outside"
stray=$(awk -v module="./usr/$module" \
  '$2 != module && ($2 ~ /^\.\/usr\/local\// || $2 ~ /\/include\// || $2 ~ /\/lib\/.*[^\/]$/) {print $2}' \
  "$work/contents")
[[ -z $stray ]] || fail "files that do not belong in the package: $stray"
ok "$(grep -c '^-' "$work/contents") files, all expected ones present"

step "extract (dpkg-deb -x)"
root=$work/root
dpkg-deb -x "$deb" "$root"
usr=$root/usr

step "desktop entry"
desktop=$usr/share/applications/$app_id.desktop
desktop-file-validate "$desktop" || fail "desktop-file-validate"
entry() { sed -n "/^\[Desktop Entry\]/,/^\[/s/^$1=//p" "$desktop"; }
[[ $(entry Exec) == 'tessera %f' ]] || fail "Exec=$(entry Exec), expected 'tessera %f'"
[[ $(entry Icon) == "$app_id" ]] || fail "Icon=$(entry Icon), expected $app_id"
[[ $(entry MimeType) == *application/x-tessera-vault\;* ]] || fail "MimeType=$(entry MimeType)"
ok "desktop-file-validate, Exec, Icon, MimeType"

step "AppStream (appstreamcli validate --no-net)"
metainfo=$usr/share/metainfo/$app_id.metainfo.xml
appstreamcli validate --no-net --pedantic "$metainfo" || fail "appstreamcli validate"
[[ $(xmllint --xpath 'string(/component/id)' "$metainfo") == "$app_id" ]] || fail "AppStream id"
[[ $(xmllint --xpath 'string(/component/launchable)' "$metainfo") == "$app_id.desktop" ]] ||
  fail "AppStream launchable"
newest=$(xmllint --xpath 'string(/component/releases/release[1]/@version)' "$metainfo")
[[ $newest == "$version" ]] || fail "newest AppStream release is $newest, the project is $version"
[[ $(xmllint --xpath 'count(/component/provides/binary)' "$metainfo") == 2 ]] ||
  fail "AppStream provides: expected the two binaries"
[[ $(xmllint --xpath 'count(/component/content_rating)' "$metainfo") == 1 ]] ||
  fail "AppStream content rating"

step "MIME type (update-mime-database)"
mime_xml=$usr/share/mime/packages/$app_id.xml
xmllint --noout "$mime_xml" || fail "MIME XML is not well-formed"
if ! XDG_DATA_DIRS=$usr/share update-mime-database "$usr/share/mime" >"$work/mime.err" 2>&1 ||
  [[ -s $work/mime.err ]]; then
  cat "$work/mime.err" >&2
  fail "update-mime-database"
fi
grep -qxF '50:application/x-tessera-vault:*.tessera' "$usr/share/mime/globs2" ||
  fail "globs2 lacks *.tessera -> application/x-tessera-vault"
[[ $(xmllint --xpath 'string(//*[local-name()="icon"]/@name)' "$mime_xml") == "$app_id" ]] ||
  fail "MIME icon is not the app's"
ok "application/x-tessera-vault for *.tessera"

step "icons"
for size in "${sizes[@]}"; do
  png=$usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
  file -b "$png" | grep -qF "PNG image data, $size x $size, 8-bit/color RGBA" ||
    fail "$png: $(file -b "$png")"
done
xmllint --noout "$usr/share/icons/hicolor/scalable/apps/$app_id.svg" || fail "SVG icon"
ok "SVG and ${#sizes[@]} PNG sizes"

step "changelog"
newest=$(zcat "$usr/share/doc/tessera/changelog.gz" | sed -n '1s/^tessera (\([^)]*\)).*/\1/p')
[[ $newest == "$version" ]] || fail "newest changelog entry is '$newest', the project is $version"
long=$(dpkg-deb -f "$deb" Description | awk 'length > 80' | head -1)
[[ -z $long ]] || fail "Description line longer than 80 characters: $long"

step "man pages"
for page in tessera tessera-cli; do
  gz=$usr/share/man/man1/$page.1.gz
  gzip -t "$gz" || fail "$page.1.gz is not gzip"
  warnings=$(zcat "$gz" | groff -man -Tutf8 -t -ww -z 2>&1)
  [[ -z $warnings ]] || fail "$page.1: groff warnings: $warnings"
  zcat "$gz" | grep -q '^\.SH NAME' || fail "$page.1 has no NAME section"
done
ok "gzip, groff -ww clean"

step "completions"
bash -n "$usr/share/bash-completion/completions/tessera-cli" || fail "bash completion syntax"
head -1 "$usr/share/zsh/vendor-completions/_tessera-cli" | grep -qx '#compdef tessera-cli' ||
  fail "zsh completion has no #compdef line"

step "installed binaries"
for binary in tessera tessera-cli; do
  unresolved=$(ldd "$usr/bin/$binary" | grep 'not found' || true)
  [[ -z $unresolved ]] || fail "$binary: unresolved libraries: $unresolved"
done
cli_version=$("$usr/bin/tessera-cli" --version) || fail "tessera-cli --version failed"
grep -qx "tessera-cli $version" <<<"$cli_version" || fail "tessera-cli --version: $cli_version"
grep -q '^SQLCipher ' <<<"$cli_version" || fail "tessera-cli --version names no SQLCipher"
app_version=$(QT_QPA_PLATFORM=offscreen "$usr/bin/tessera" --version) ||
  fail "tessera --version failed"
[[ $app_version == "tessera $version" ]] || fail "tessera --version: $app_version"
ok "$(head -1 <<<"$cli_version"), $app_version"

# tessera-cli starts without QtGui, QtDBus and qtkeychain (stripped, as installed); the commands
# that need them load the module, found relative to the installed binary: the Emergency Kit.
cli_needed=$(readelf -d "$usr/bin/tessera-cli" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
desktop_libs='libQt6Gui|libQt6DBus|libqt6keychain'
! grep -qE "^($desktop_libs)\." <<<"$cli_needed" ||
  fail "installed tessera-cli links $(grep -E "^($desktop_libs)\." <<<"$cli_needed" | tr '\n' ' ')"
! ldd "$usr/bin/tessera-cli" | grep -qE "($desktop_libs)\." ||
  fail "installed tessera-cli loads QtGui, QtDBus or qtkeychain at start (ldd)"
readelf -d "$usr/$module" | grep -q 'NEEDED.*\[libQt6Gui\.' || fail "$module does not link QtGui"
kit_home=$work/home-cli
mkdir -p "$kit_home"
cli() { # ARGS... (the master password on stdin; no session bus, so key files)
  printf 'packaging check password\n' |
    HOME=$kit_home TESSERA_DATA_DIR=$kit_home/data XDG_RUNTIME_DIR=$kit_home \
      DBUS_SESSION_BUS_ADDRESS="unix:path=$kit_home/no-bus" "$usr/bin/tessera-cli" "$@"
}
if created=$(cli create --secret-key --kdf-ops 1 --kdf-mem 1 "$kit_home/kit.tessera" 2>&1) &&
  cli emergency-kit "$kit_home/kit.tessera" "$kit_home/kit.pdf" >"$work/cli-kit.log" 2>&1; then
  [[ $(head -c 5 "$kit_home/kit.pdf") == '%PDF-' ]] || fail "the installed CLI's kit is no PDF"
  key=$(grep -oE 'T1(-[0-9A-Z]{5}){6}' <<<"$created" | head -1 || true)
  if command -v pdftotext >/dev/null; then
    [[ -n $key ]] && pdftotext "$kit_home/kit.pdf" - | grep -qF "$key" ||
      fail "the installed CLI's Emergency Kit lacks the secret key"
  fi
  ok "installed tessera-cli: NEEDED without QtGui/QtDBus; Emergency Kit through /usr/$module"
else
  printf '%s\n' "$created" >&2
  cat "$work/cli-kit.log" >&2 || true
  fail "the installed tessera-cli made no Emergency Kit"
fi

# The installed app up to its first screen, then quit as a user would: offscreen, and on X11
# under Xvfb (the xcb platform plugin, as on a desktop). A scratch home and runtime folder each
# time, so it meets no other Tessera.
run_app() { # NAME COMMAND-PREFIX...
  local name=$1 home=$work/home-$1
  shift
  mkdir -p "$home"
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    XDG_RUNTIME_DIR=$home TESSERA_DATA_DIR=$home/data QT_DEBUG_PLUGINS=1 \
    TESSERA_SMOKE_EXIT_MS=500 timeout 60 "$@" "$usr/bin/tessera" 2>"$work/app-$name.err"
}
smoke=$(QT_QPA_PLATFORM=offscreen run_app offscreen) ||
  { cat "$work/app-offscreen.err" >&2 || true; fail "the installed tessera did not start and quit (offscreen)"; }
[[ $smoke == page=* ]] || fail "the installed tessera printed '$smoke' offscreen, expected page=..."
ok "installed tessera, offscreen: $smoke"
if command -v xvfb-run >/dev/null; then
  smoke=$(unset QT_QPA_PLATFORM WAYLAND_DISPLAY
    run_app xcb xvfb-run -a -s '-screen 0 1280x800x24') ||
    { cat "$work/app-xcb.err" >&2 || true; fail "the installed tessera did not start and quit under Xvfb"; }
  [[ $smoke == page=* ]] || fail "the installed tessera printed '$smoke' under Xvfb, expected page=..."
  grep -q 'platforms/libqxcb\.so" loaded library' "$work/app-xcb.err" ||
    fail "under Xvfb the app did not load the xcb platform plugin"
  ok "installed tessera, X11 (Xvfb): $smoke"
else
  fail "xvfb-run is missing (packages xvfb, xauth; see .ci/dev)"
fi

# Every Qt plugin it loaded (dpkg-shlibdeps cannot see them) comes from a package in Depends.
# (Other libraries Qt opens by name, such as libXcursor for the X11 cursor theme, are optional.)
mapfile -t plugins < <(sed -n 's/^qt\.core\.library: "\(\/.*\/plugins\/.*\)" loaded library$/\1/p' \
  "$work"/app-*.err | sort -u)
[[ ${#plugins[@]} -gt 0 ]] || fail "QT_DEBUG_PLUGINS reported no loaded plugin"
for plugin in "${plugins[@]}"; do
  owner=$(dpkg -S "$plugin" 2>/dev/null | head -1 | cut -d: -f1)
  [[ -n $owner && ", $depends," == *", $owner "* ]] ||
    fail "the app loads $plugin from ${owner:-no package}, which is not in Depends"
done
ok "${#plugins[@]} Qt plugins loaded, each from a package in Depends"

echo
if [[ $failures -gt 0 ]]; then
  echo "check-deb: $failures check(s) failed" >&2
  exit 1
fi
echo "check-deb: all checks passed"
