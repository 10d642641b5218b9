import { type FSWatcher, watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface Watchers {
  /** Calls `onChange` with the full path of whatever changes directly in `dir`. */
  folder(dir: string, onChange: (path: string) => void): void;
  /** The same for `dir` and every folder under it (as they are now). */
  tree(dir: string, onChange: (path: string) => void): Promise<void>;
  close(): void;
}

/**
 * Folders, not files, and not `recursive`: on Linux, Node 20 implements a recursive watch by watching each
 * file, and an editor that saves by writing a new file and renaming it over the old one (vim, sed -i, many
 * IDEs) leaves that watch on a file that no longer exists. A folder's watch sees every save.
 */
export function createWatchers(): Watchers {
  const watchers: FSWatcher[] = [];
  const folder = (dir: string, onChange: (path: string) => void) => {
    try {
      const watcher = watch(dir, (_event, name) => {
        if (name) onChange(resolve(dir, name.toString()));
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch {
      // A folder that does not exist has nothing to watch.
    }
  };
  return {
    folder,
    tree: async (dir, onChange) => {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const sub of [dir, ...entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name))])
        folder(sub, onChange);
    },
    close: () => {
      for (const watcher of watchers) watcher.close();
    },
  };
}

export interface Debouncer {
  /** Runs `run` once `ms` after the last call with the same key (an editor's save is several events). */
  (key: string, run: () => unknown): void;
  cancel(): void;
}

export function createDebouncer(ms: number): Debouncer {
  const pending = new Map<string, NodeJS.Timeout>();
  const debounce = (key: string, run: () => unknown) => {
    clearTimeout(pending.get(key));
    pending.set(
      key,
      setTimeout(() => {
        pending.delete(key);
        void run();
      }, ms),
    );
  };
  return Object.assign(debounce, {
    cancel: () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  });
}
