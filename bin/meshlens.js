#!/usr/bin/env node
// The `meshlens` command; built by `npm install` (prepare → build) into dist/.
import '../dist/src/cli/main.js';
