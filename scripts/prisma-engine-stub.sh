#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` only needs the path to exist; migrations go through the wasm engine.
echo "meshlens: the native Prisma schema engine is not installed; migrations run through @prisma/schema-engine-wasm (see README)." >&2
exit 1
