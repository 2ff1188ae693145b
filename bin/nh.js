#!/usr/bin/env node
// Tynn inngang: all logikk ligger i dist/ (bygget av `npm run build`, som `prepare` kjører).
import { main } from '../dist/cli/main.js';
main(process.argv).then((code) => {
  process.exitCode = code;
});
