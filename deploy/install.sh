#!/bin/sh
# Installs a released kennisbank: downloads the archive for this system and the release's
# SHA256SUMS, checks the archive against it, and puts the kennisbank binary in DIR. The publishing
# pipelines (github/pages.yml, gitlab/.gitlab-ci.yml) run it; a person can too.
#
#   sh install.sh VERSION [DIR]      e.g. sh deploy/install.sh v1.0.0 "$HOME/.local/bin"
#
# DIR is made when it is missing ($HOME/.local/bin when not given). In GitHub Actions (where
# GITHUB_PATH is set) DIR is added to the PATH of the steps after this one.
#
# KENNISBANK_SHA256        when set, the archive must also have this SHA-256: it pins the file
#                          itself, not only the release's own list.
# KENNISBANK_DOWNLOAD_URL  where the releases are; VERSION/ARCHIVE is added to it. Default:
#                          https://github.com/werkplaats-jeugd/kennisbank/releases/download
set -eu

fail() {
  echo "install.sh: $*" >&2
  exit 1
}

[ $# -ge 1 ] && [ $# -le 2 ] || fail "usage: sh install.sh VERSION [DIR], e.g. sh install.sh v1.0.0"
version=$1
dir=${2:-"$HOME/.local/bin"}
base=${KENNISBANK_DOWNLOAD_URL:-https://github.com/werkplaats-jeugd/kennisbank/releases/download}
case $version in
  v[0-9]*.[0-9]*.[0-9]*) ;;
  *) fail "version \"$version\": want a release tag such as v1.0.0" ;;
esac

# The archive's name, as tools/release writes it: kennisbank_v1.0.0_linux_amd64.tar.gz.
case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) fail "there is no release for $(uname -s)" ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) fail "there is no release for $(uname -m)" ;;
esac
archive=kennisbank_${version}_${os}_${arch}.tar.gz
exe=kennisbank
if [ "$os" = windows ]; then
  archive=kennisbank_${version}_${os}_${arch}.zip
  exe=kennisbank.exe
fi

download() { # URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$2" "$1"
  else
    fail "curl or wget is needed to download $1"
  fi
}

sha256() { # FILE
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d ' ' -f 1
  else
    shasum -a 256 "$1" | cut -d ' ' -f 1
  fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
download "$base/$version/$archive" "$tmp/$archive" || fail "could not download $base/$version/$archive"
download "$base/$version/SHA256SUMS" "$tmp/SHA256SUMS" || fail "could not download $base/$version/SHA256SUMS"
want=$(awk -v name="$archive" '$2 == name { print $1 }' "$tmp/SHA256SUMS")
[ -n "$want" ] || fail "the SHA256SUMS of $version has no line for $archive"
got=$(sha256 "$tmp/$archive")
[ "$got" = "$want" ] || fail "$archive has SHA-256 $got, but SHA256SUMS says $want; nothing was installed"
if [ -n "${KENNISBANK_SHA256:-}" ] && [ "$got" != "$KENNISBANK_SHA256" ]; then
  fail "$archive has SHA-256 $got, but KENNISBANK_SHA256 says $KENNISBANK_SHA256; nothing was installed"
fi

mkdir -p "$tmp/files" "$dir"
if [ "$os" = windows ]; then
  unzip -q "$tmp/$archive" -d "$tmp/files"
else
  tar -xzf "$tmp/$archive" -C "$tmp/files"
fi
# Into place in one step: a copy beside the old binary, then a rename over it.
cp "$tmp/files/$exe" "$dir/.$exe.new"
chmod 0755 "$dir/.$exe.new"
mv -f "$dir/.$exe.new" "$dir/$exe"
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$dir" >>"$GITHUB_PATH"
fi
echo "install.sh: $("$dir/$exe" version), in $dir"
