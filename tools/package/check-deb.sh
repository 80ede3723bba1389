#!/usr/bin/env bash
# Checks a built Descent .deb: its Depends include GTK 3, and its desktop entry starts the
# installed launcher, shows an installed icon, sits in Education and Science and passes
# desktop-file-validate (when installed). Exits 1 naming the first problem.
# Usage: tools/package/check-deb.sh [DEB]   (default: target/jpackage/descent_*.deb)
set -euo pipefail
cd "$(dirname "$0")/../.."
deb="${1:-$(ls target/jpackage/descent_*.deb 2>/dev/null | head -1)}"
[[ -f "$deb" ]] || { echo "error: no .deb at '${deb}'; run ./mvnw -Papp package" >&2; exit 2; }
fail() { echo "error: $deb: $*" >&2; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
[[ ", $depends," == *", libgtk-3-0,"* || ", $depends" == *", libgtk-3-0" ]] || fail "Depends lacks libgtk-3-0: $depends"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
entries=("$root"/opt/descent/lib/*.desktop)
[[ -f "${entries[0]}" ]] || fail "no desktop entry under /opt/descent/lib"
entry="${entries[0]}"
value() { sed -n "s/^$1=//p" "$entry"; }
exec_path=$(value Exec)
icon=$(value Icon)
[[ "$exec_path" == /opt/descent/bin/Descent ]] || fail "Exec=$exec_path"
[[ -x "$root$exec_path" ]] || fail "Exec=$exec_path is not in the package"
[[ -f "$root$icon" ]] || fail "Icon=$icon is not in the package"
[[ "$(value Categories)" == "Education;Science;" ]] || fail "Categories=$(value Categories)"
[[ "$(value Type)" == Application && "$(value Name)" == Descent ]] || fail "Type/Name: $(value Type) $(value Name)"
[[ -n "$(value StartupWMClass)" ]] || fail "no StartupWMClass (the dock would not match the window)"
grep -q 'xdg-desktop-menu install /opt/descent/lib/' <(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./postinst) \
  || fail "postinst does not install the menu entry"
if command -v desktop-file-validate >/dev/null; then
  complaints=$(desktop-file-validate "$entry" 2>&1 | grep -v ': hint: ' || true)
  [[ -z "$complaints" ]] || fail "desktop-file-validate: $complaints"
fi
echo "ok: $deb (Depends: libgtk-3-0; $(basename "$entry"): Exec, Icon, Categories Education;Science, StartupWMClass)"
