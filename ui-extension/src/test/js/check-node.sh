#!/bin/sh
# Run by Maven before the web UI's lint and unit tests, so that a machine without Node.js is told
# what to install rather than "Cannot run program npm".
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "ERROR: the web UI's lint and unit tests need Node.js 20.6 or later and npm on the PATH." >&2
  echo "ERROR: install them, or build without tests (-DskipTests) or without these alone (-Djs.skip)." >&2
  exit 1
fi
exec node -e '
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  console.error(`ERROR: the web UI tests need Node.js 20.6 or later (module hooks); this is ${process.version}.`);
  process.exit(1);
}'
