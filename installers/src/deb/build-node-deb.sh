#!/usr/bin/env bash
# Builds the node's .deb from its jpackage app-image: the image under /opt/lodestar-node, the systemd
# unit, /etc/lodestar/node.conf (a conffile), the maintainer scripts. Called by the installers
# profile (installers/pom.xml); by hand:
#   build-node-deb.sh IMAGE_DIR SRC_DIR OUT_DIR VERSION MAINTAINER HOMEPAGE
# Compression: $DPKG_DEB_COMPRESSOR_TYPE (dpkg-deb's default xz when unset).
# Depends is computed as jpackage does it: the packages owning the shared libraries the image links.
set -euo pipefail
image=$1 src=$2 out=$3 version=$4 maintainer=$5 homepage=$6
arch=$(dpkg --print-architecture)
root=$(mktemp -d "${TMPDIR:-/tmp}/lodestar-node-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT

install -d "$root/opt" "$root/lib/systemd/system" "$root/etc/lodestar" \
           "$root/usr/share/doc/lodestar-node" "$root/DEBIAN"
cp -a "$image" "$root/opt/lodestar-node"
install -m 0644 "$src/lodestar-node.service" "$root/lib/systemd/system/"
install -m 0640 "$src/node.conf" "$root/etc/lodestar/node.conf"
install -m 0644 "$src/README" "$root/usr/share/doc/lodestar-node/README"
install -m 0644 "$src/copyright" "$root/usr/share/doc/lodestar-node/copyright"
install -m 0644 "$src/conffiles" "$root/DEBIAN/"
install -m 0755 "$src/postinst" "$src/prerm" "$src/postrm" "$root/DEBIAN/"

# shared libraries the launcher and the runtime link, and the packages that own them
depends=$(find "$root/opt" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | awk '/=> \// {print $3}' | sort -u \
  | while read -r lib; do dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true; done \
  | cut -d: -f1 | sort -u | paste -sd, | sed 's/,/, /g')
depends="${depends:+$depends, }passwd"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)

sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@SIZE@|$size|" -e "s|@DEPENDS@|$depends|" -e "s|@HOMEPAGE@|$homepage|" \
    "$src/control" > "$root/DEBIAN/control"

mkdir -p "$out"
deb="$out/lodestar-node_${version}_${arch}.deb"
dpkg-deb --root-owner-group --build "$root" "$deb" >/dev/null
echo "built $deb ($(du -h "$deb" | cut -f1)); Depends: $depends"
