#!/bin/sh
# Makes the default voice pack of the display's announcements (public/voice/<lang>/<key>.ogg):
# every word of src/lib/voice-words.json in Persian and English, spoken by espeak-ng (free,
# offline; Debian: apt-get install espeak-ng sox libsox-fmt-all), trimmed of silence and stored as
# small mono Ogg Vorbis. The files are committed: the build and CI never run this script.
# Pashto has no espeak-ng voice and Dari borrows the Persian pack; centres record their own.
#
#   frontend/scripts/voice-pack.sh            (from anywhere; rewrites public/voice/fa and /en)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
words="$here/src/lib/voice-words.json"
out="$here/public/voice"
command -v espeak-ng >/dev/null || { echo "espeak-ng is needed (apt-get install espeak-ng)" >&2; exit 1; }
command -v sox >/dev/null || { echo "sox is needed (apt-get install sox libsox-fmt-all)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Where espeak-ng misreads a written word, its phonemes ([[...]]) say it instead: the Persian
# "and" is spoken "o" between numbers, "O" is a letter name, and the ezafe of "ticket" and "desk".
say() { # lang key text
  case "$1:$2" in
    fa:and) echo "[[o]]" ;;
    fa:letter.o) echo "[[o:]]" ;;
    fa:ticket) echo "[[SomAr'eje]]" ;;
    fa:desk) echo "[[bAdZ'eje]]" ;;
    *) echo "$3" ;;
  esac
}

for lang in fa en; do
  case $lang in fa) voice=fa ;; en) voice=en-us ;; esac
  rm -rf "${out:?}/$lang"
  mkdir -p "$out/$lang"
  node -e 'const w = require(process.argv[1])[process.argv[2]]; for (const [k, v] of Object.entries(w)) console.log(`${k}\t${v}`);' \
    "$words" "$lang" |
    while IFS="$(printf '\t')" read -r key text; do
      espeak-ng -v "$voice" -s 150 -w "$tmp/clip.wav" "$(say "$lang" "$key" "$text")"
      # silence trimmed at both ends: the clips are played back to back
      sox "$tmp/clip.wav" -r 16000 -c 1 -C -1 "$out/$lang/$key.ogg" \
        silence 1 0.02 1% reverse silence 1 0.02 1% reverse pad 0 0.06
    done
done
du -sh "$out"
