#!/usr/bin/env bash
# Builds the Linux app image (target/jpackage/Descent, with its own Java runtime) and a .deb
# (desktop entry, icon, depends on GTK 3) from target/descent.jar with the JDK's jpackage.
# Called by `./mvnw -Papp package`; can be run by hand after `./mvnw package`.
# Usage: tools/package/jpackage.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${1:-0.1.0}"
jar=target/descent.jar
[[ -f "$jar" ]] || { echo "error: $jar is missing; run ./mvnw package first" >&2; exit 2; }
command -v jpackage >/dev/null || { echo "error: jpackage not found; it ships with JDK 14+" >&2; exit 2; }

input=target/jpackage-input
dest=target/jpackage
rm -rf "$input" "$dest"
mkdir -p "$input" "$dest"
cp "$jar" "$input/"

common=(--name Descent --app-version "$version" --vendor "Descent"
        --description "A desktop lab for how deep networks are trained")

# the app image: bin/Descent starts the app; lib/runtime is a jlinked Java runtime
jpackage --type app-image "${common[@]}" \
  --input "$input" --main-jar descent.jar --main-class dev.descent.Launcher \
  --icon assets/descent.png \
  --java-options "-Xmx2g" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files" \
  --dest "$dest"

# the .deb from that image: /opt/descent, a desktop entry in the menu (tools/package/linux/Descent.desktop,
# jpackage's template plus keywords and the window class), and the run-time libraries jpackage
# does not find by itself (JavaFX loads GTK 3 dynamically: STACK.md trap 8); then check it
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  jpackage --type deb "${common[@]}" \
    --app-image "$dest/Descent" \
    --icon assets/descent.png \
    --linux-package-name descent \
    --linux-menu-group "Education;Science;" \
    --resource-dir tools/package/linux \
    --linux-app-category science \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0, fontconfig" \
    --dest "$dest"
  tools/package/check-deb.sh "$dest/descent_${version}-1_amd64.deb"
else
  echo "dpkg-deb or fakeroot missing: skipped the .deb" >&2
fi
ls -la "$dest"
