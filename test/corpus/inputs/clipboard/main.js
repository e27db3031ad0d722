// clipboardy's Windows fallback (clipboard_x86_64.exe, Rust) copies its
// standard input to the clipboard in one process and pastes it in another,
// as clipboardy runs it.
const { execFileSync } = require('child_process');
const exe = process.argv[2];
const text = 'clipboard round trip: caf\u00e9 \u2713\nsecond line';
execFileSync(exe, ['--copy'], { input: text });
const pasted = execFileSync(exe, ['--paste']).toString('utf8');
console.log('pasted ' + JSON.stringify(pasted) + (pasted === text ? ' same' : ' DIFFERENT'));
