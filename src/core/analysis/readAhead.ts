/** A file's text, or why it could not be read. */
export type Read = { file: string; text: string } | { file: string; error: Error };

/**
 * The files' texts in the order given, with up to `ahead` reads under way at once. Reading one file at a time left
 * the thread idle for each read's trip through the file system (a quarter of `ops-lens services` on 2,000 files);
 * a small window hides it without holding the whole workspace's text.
 */
export async function* readAhead(files: readonly string[], read: (file: string) => Promise<string>, ahead = 16): AsyncGenerator<Read> {
  const pending: Promise<Read>[] = [];
  const failed = (file: string, error: unknown): Read => ({ file, error: error instanceof Error ? error : new Error(String(error)) });
  const start = (file: string): Promise<Read> => {
    try {
      return read(file).then((text) => ({ file, text }), (e: unknown) => failed(file, e));
    } catch (e) {
      return Promise.resolve(failed(file, e));
    }
  };
  let next = 0;
  while (next < files.length && pending.length < ahead) pending.push(start(files[next++]));
  while (pending.length) {
    const done = await pending.shift()!;
    if (next < files.length) pending.push(start(files[next++]));
    yield done;
  }
}
