#!/usr/bin/env node
// Thin launcher: the built CLI lives in dist/ (made by `npm ci` / `npm run build`).
import { main } from '../dist/cli.js';

await main(process.argv);
