#!/usr/bin/env bash
# Install Briefing Studio's menu entry, icon and the .briefing file type for the current user
# (freedesktop layout under ${XDG_DATA_HOME:-~/.local/share}; no root needed), or remove them.
#
#   packaging/install-desktop-entry.sh [--exec PATH] [--uninstall]
#
# --exec PATH  the `briefing` executable the menu entry starts. Default: the bundle this script
#              sits in (dist/briefing/ gets a copy), else `briefing` on PATH, else the checkout's
#              dist/briefing/briefing. The entry gets an absolute path so it works from menus,
#              whose PATH rarely holds ~/.local/bin or a venv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id="briefing-studio"
mime_type="application/x-briefing-studio"
mime_icon="${mime_type/\//-}"  # application-x-briefing-studio, the icon name file managers try
icon_sizes=(48 128 256)

die() { echo "install-desktop-entry: $*" >&2; exit 1; }

resources_folder() {
  local candidate
  for candidate in "$here/../resources/desktop" "$here/_internal/briefing_studio/_data/resources/desktop"; do
    if [[ -f "$candidate/$app_id.desktop" ]]; then
      (cd "$candidate" && pwd)
      return
    fi
  done
  die "resources/desktop not found next to $here"
}

default_exec() {
  if [[ -x "$here/briefing" && -d "$here/_internal" ]]; then
    echo "$here/briefing"
  elif command -v briefing >/dev/null 2>&1; then
    command -v briefing
  elif [[ -x "$here/../dist/briefing/briefing" ]]; then
    (cd "$here/../dist/briefing" && echo "$PWD/briefing")
  else
    die "no briefing executable found; build the bundle or pass --exec PATH"
  fi
}

# Exec= is a command line: quote the path when it holds spaces; refuse characters that would
# need escaping rules most launchers get wrong.
exec_line() {
  local path="$1"
  [[ "$path" == *[\"\`\$\\%]* ]] && die "unsupported character in executable path: $path"
  if [[ "$path" == *[[:space:]\'\>\<\~\|\&\;\*\?\#\(\)]* ]]; then
    echo "\"$path\" %F"
  else
    echo "$path %F"
  fi
}

sed_escape() { printf '%s' "$1" | sed -e 's/[|&\\]/\\&/g'; }

refresh_databases() {
  if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -f -t -q "$data_home/icons/hicolor" 2>/dev/null || true
  fi
}

installed_files() {
  local size
  echo "$data_home/applications/$app_id.desktop"
  echo "$data_home/mime/packages/$app_id.xml"
  for size in "${icon_sizes[@]}"; do
    echo "$data_home/icons/hicolor/${size}x${size}/apps/$app_id.png"
    echo "$data_home/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png"
  done
  echo "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
  echo "$data_home/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
}

uninstall() {
  local file
  while read -r file; do rm -f "$file"; done < <(installed_files)
  refresh_databases
  echo "Removed Briefing Studio's menu entry and .briefing file type from $data_home"
}

install_entry() {
  local exe="$1" src size
  src="$(resources_folder)"
  [[ -x "$exe" ]] || die "not an executable: $exe"
  exe="$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")"

  mkdir -p "$data_home/applications" "$data_home/mime/packages"
  sed -e "s|^Exec=.*|Exec=$(sed_escape "$(exec_line "$exe")")|" \
    -e "s|^TryExec=.*|TryExec=$(sed_escape "$exe")|" \
    "$src/$app_id.desktop" > "$data_home/applications/$app_id.desktop"
  install -m 644 "$src/$app_id-mime.xml" "$data_home/mime/packages/$app_id.xml"
  for size in "${icon_sizes[@]}"; do
    install -D -m 644 "$src/$app_id-$size.png" "$data_home/icons/hicolor/${size}x${size}/apps/$app_id.png"
    install -D -m 644 "$src/$app_id-$size.png" \
      "$data_home/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png"
  done
  install -D -m 644 "$src/$app_id.svg" "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
  install -D -m 644 "$src/$app_id.svg" "$data_home/icons/hicolor/scalable/mimetypes/$mime_icon.svg"

  refresh_databases
  if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$app_id.desktop" "$mime_type" 2>/dev/null || true
  fi
  echo "Installed Briefing Studio (runs $exe) and the .briefing file type into $data_home"
}

main() {
  local exe="" action="install"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --exec) [[ $# -ge 2 ]] || die "--exec needs a path"; exe="$2"; shift 2 ;;
      --uninstall) action="uninstall"; shift ;;
      -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument: $1 (see --help)" ;;
    esac
  done
  if [[ "$action" == "uninstall" ]]; then
    uninstall
  else
    install_entry "${exe:-$(default_exec)}"
  fi
}

main "$@"
