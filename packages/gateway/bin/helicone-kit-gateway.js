#!/usr/bin/env node
// A committed entry, so npm can link the command at install time, before `dist/` is built.
import '../dist/cli.js';
