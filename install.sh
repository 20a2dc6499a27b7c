#!/usr/bin/env bash
# Installs Casebook the way a packager would: a release binary with the Swift runtime linked
# statically, the bundled playbooks, man pages generated from the argument parser's own help, and
# bash, zsh and fish completions. Keeps a list of what it put where, so that `--uninstall` removes
# exactly those files, from any checkout, even after the one that installed is gone.
#
# usage: bash install.sh [--prefix DIR]      (default: ~/.local)
#        bash install.sh --uninstall [--prefix DIR]
set -euo pipefail

usage() {
  sed -n 's/^# usage: //p; s/^#        //p' "$0" | sed -n '1,2p'
}

prefix="$HOME/.local"
uninstall=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }
      prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) uninstall=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$prefix" in
  /*) ;;
  *) prefix="$(pwd)/$prefix" ;;
esac
prefix=${prefix%/}
manifest="$prefix/share/casebook/installed-files"

# Removes the files the manifest lists (and the manifest), then the folders that held them if
# they are left empty. Only files Casebook installed: never a folder's other contents.
remove_installed() {
  [ -f "$manifest" ] || return 0
  while IFS= read -r file; do
    case "$file" in
      "$prefix"/*) rm -f -- "$file" ;;
      *) echo "install.sh: skipping '$file', outside $prefix" >&2 ;;
    esac
  done <"$manifest"
  rm -f -- "$manifest"
  # Deepest first, so that a folder emptied by its children goes too.
  find "$prefix/share/casebook" -depth -type d -empty -delete 2>/dev/null || true
  for folder in "$prefix/share/man/man1" "$prefix/share/man" "$prefix/share/bash-completion/completions" \
    "$prefix/share/bash-completion" "$prefix/share/zsh/site-functions" "$prefix/share/zsh" \
    "$prefix/share/fish/vendor_completions.d" "$prefix/share/fish" "$prefix/bin" "$prefix/share"; do
    rmdir -- "$folder" 2>/dev/null || true
  done
}

if $uninstall; then
  if [ ! -f "$manifest" ]; then
    echo "install.sh: nothing to uninstall: no Casebook installed in $prefix ($manifest not found)" >&2
    exit 1
  fi
  count=$(wc -l <"$manifest" | tr -d ' ')
  remove_installed
  echo "Removed Casebook from $prefix ($count files)."
  exit 0
fi

root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
bash .ci/setup --build

scratch=.build-release
mkdir -p "$scratch"
echo "Building casebook (release, Swift runtime linked statically)…" >&2
# The manual comes from the argument parser's own help, through its generate-manual plugin; the
# plugin builds the release products in the same scratch folder, so the static build after it
# only links again.
swift package --scratch-path "$scratch" plugin generate-manual --multi-page --authors "Casebook" >"$scratch/install-manual.log" 2>&1 \
  || { cat "$scratch/install-manual.log" >&2; exit 1; }
manual_folder=$(sed -n "s/^Generated manual in '\(.*\)'$/\1/p" "$scratch/install-manual.log" | tail -1)
manual_folder=${manual_folder#file://}
swift build -c release --product casebook --static-swift-stdlib --scratch-path "$scratch" >"$scratch/install-build.log" 2>&1 \
  || { cat "$scratch/install-build.log" >&2; exit 1; }
binary="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/casebook"
[ -x "$binary" ] || { echo "install.sh: the build left no binary at $binary" >&2; exit 1; }
[ -d "$manual_folder" ] || { echo "install.sh: the manual was not generated (see $scratch/install-manual.log)" >&2; exit 1; }

# A new install replaces the files of an earlier one, including any it no longer ships.
remove_installed

installed=()
put() { # put MODE SOURCE DESTINATION
  install -D -m "$1" "$2" "$3"
  installed+=("$3")
}

put 0755 "$binary" "$prefix/bin/casebook"
while IFS= read -r file; do
  put 0644 "playbooks/$file" "$prefix/share/casebook/playbooks/$file"
done < <(cd playbooks && find . -type f \( -name '*.yaml' -o -name '*.yml' \) | sed 's|^\./||' | LC_ALL=C sort)
pages=$(mktemp -d "${TMPDIR:-/tmp}/casebook-pages-XXXXXX")
for page in "$manual_folder"/*.1; do
  # A blank line in the help's text is a paragraph break, which mdoc writes .Pp.
  sed 's/^$/.Pp/' "$page" >"$pages/$(basename "$page")"
  put 0644 "$pages/$(basename "$page")" "$prefix/share/man/man1/$(basename "$page")"
done
rm -rf "$pages"
completions=$(mktemp -d "${TMPDIR:-/tmp}/casebook-install-XXXXXX")
trap 'rm -rf "$completions"' EXIT
for shell in bash zsh fish; do
  "$binary" --generate-completion-script "$shell" >"$completions/$shell"
done
put 0644 "$completions/bash" "$prefix/share/bash-completion/completions/casebook"
put 0644 "$completions/zsh" "$prefix/share/zsh/site-functions/_casebook"
put 0644 "$completions/fish" "$prefix/share/fish/vendor_completions.d/casebook.fish"

mkdir -p "$(dirname "$manifest")"
printf '%s\n' "${installed[@]}" "$manifest" >"$manifest"
chmod 0644 "$manifest"

playbook_count=$(printf '%s\n' "${installed[@]}" | grep -c '/share/casebook/playbooks/' || true)
page_count=$(printf '%s\n' "${installed[@]}" | grep -c '/share/man/man1/' || true)
cat <<EOF
Installed Casebook in $prefix:
  $prefix/bin/casebook
  $prefix/share/casebook/playbooks/   ($playbook_count files)
  $prefix/share/man/man1/             ($page_count manual pages: man casebook)
  $prefix/share/bash-completion/completions/casebook
  $prefix/share/zsh/site-functions/_casebook
  $prefix/share/fish/vendor_completions.d/casebook.fish
  $manifest   (what --uninstall removes)
EOF
case ":$PATH:" in
  *":$prefix/bin:"*) echo "$prefix/bin is on your PATH: run 'casebook'." ;;
  *) echo "Add $prefix/bin to your PATH, e.g. in ~/.bashrc or ~/.profile:"
     echo "  export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
case "$prefix" in
  "$HOME/.local") ;;
  *) echo "For man and completions outside ~/.local: MANPATH=\"$prefix/share/man:\$MANPATH\"; bash loads"
     echo "  completions from \$XDG_DATA_DIRS (add $prefix/share), zsh from fpath+=($prefix/share/zsh/site-functions)." ;;
esac
echo "Remove it with: bash install.sh --uninstall --prefix $prefix"
