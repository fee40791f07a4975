import * as readline from 'node:readline';

/** The first non-empty line of `input` (trimmed), or `undefined` when it ends before one. */
export function readLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = readline.createInterface({ input, terminal: false });
    let answered = false;
    lines.on('line', (line) => {
      const value = line.trim();
      if (answered || value === '') return;
      answered = true;
      lines.close();
      resolve(value);
    });
    lines.on('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}
