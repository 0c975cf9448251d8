'use strict';
// Preloaded into a started process (`node --require`): when it exits, writes the file of
// every CommonJS module it loaded, one a line, to LOADED_MODULES_FILE. Plain JavaScript,
// since the process it watches runs without TypeScript.
const { writeFileSync } = require('node:fs');

const file = process.env.LOADED_MODULES_FILE;
if (file) process.on('exit', () => writeFileSync(file, `${Object.keys(require.cache).join('\n')}\n`));
