#!/usr/bin/env node
// Runs the TypeScript CLI in this process with tsx's loader, so `npx civicgrid` works from a plain
// checkout and signals (SIGTERM to `civicgrid serve`) reach the server itself, not a wrapper.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
